using System.Reflection;
using Cruddur.Data;

namespace Cruddur.Chores;

/// <summary>The chores' own <c>Sql/</c> files, embedded in this assembly.</summary>
static class ChoreSql
{
    static readonly Assembly Owner = typeof(ChoreSql).Assembly;

    public static string Load(string path) => SqlFile.Load(path, Owner);
}
