using Cruddur.Data;
using System.Security.Cryptography;
using System.Text.Json;

namespace Cruddur.Chores.Local;

/// <summary>
/// What a local cluster remembers between runs, in <c>cluster.json</c> (readable by its owner only).
/// It is written before initdb runs, with <see cref="Creating"/> set until the cluster is complete, so
/// that an interrupted creation is recognised as cruddur's own half-made cluster and made again. It names
/// the primary's data folder (<c>data</c>, or a promoted standby's) and its standbys, if any.
/// </summary>
sealed record ClusterState(int Port, string Password, string ServerDirectory, string DataName = "data", Replication? Replication = null)
{
    public const string FileName = "cluster.json";
    const UnixFileMode OwnerOnly = UnixFileMode.UserRead | UnixFileMode.UserWrite;

    public bool Creating { get; init; }

    public static ClusterState? Load(string path)
    {
        if (!File.Exists(path)) return null;
        try
        {
            return JsonSerializer.Deserialize<ClusterState>(File.ReadAllText(path));
        }
        catch (JsonException)
        {
            throw new CruddurException($"{path} is not readable JSON (the local cluster's password is lost; run: cruddur local destroy)");
        }
    }

    public void Save(string path)
    {
        var temporary = path + ".tmp";
        var options = new FileStreamOptions { Mode = FileMode.Create, Access = FileAccess.Write, UnixCreateMode = OwnerOnly };
        using (var stream = new FileStream(temporary, options)) JsonSerializer.Serialize(stream, this);
        File.Move(temporary, path, overwrite: true);
    }

    public static string NewPassword() =>
        Convert.ToBase64String(RandomNumberGenerator.GetBytes(24)).Replace('+', '-').Replace('/', '_');
}
