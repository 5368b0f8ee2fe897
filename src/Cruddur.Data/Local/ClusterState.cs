using System.Security.Cryptography;
using System.Text.Json;

namespace Cruddur.Data.Local;

/// <summary>
/// What a local cluster remembers between runs, in <c>cluster.json</c> (readable by its owner only): the
/// primary's port and data folder (<c>data</c>, or a promoted standby's) and its standbys, if any.
/// </summary>
sealed record ClusterState(int Port, string Password, string ServerDirectory, string DataName = "data", Replication? Replication = null)
{
    const UnixFileMode OwnerOnly = UnixFileMode.UserRead | UnixFileMode.UserWrite;

    public static ClusterState? Load(string path) =>
        File.Exists(path) ? JsonSerializer.Deserialize<ClusterState>(File.ReadAllText(path)) : null;

    public void Save(string path)
    {
        var options = new FileStreamOptions { Mode = FileMode.Create, Access = FileAccess.Write, UnixCreateMode = OwnerOnly };
        using var stream = new FileStream(path, options);
        JsonSerializer.Serialize(stream, this);
    }

    public static string NewPassword() =>
        Convert.ToBase64String(RandomNumberGenerator.GetBytes(24)).Replace('+', '-').Replace('/', '_');
}
