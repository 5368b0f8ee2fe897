using System.Text;
using static Cruddur.Rds.Tests.Lint.Hostile.HostileInput;

namespace Cruddur.Rds.Tests.Lint.Hostile;

/// <summary>
/// The hostile corpus for <c>rds lint</c>, by name: malformed, oversized, deeply nested, alias-heavy,
/// binary, in mixed encodings, and command lines of megabytes. Each is a finding set or one red line.
/// </summary>
public static class HostileLintCorpus
{
    const int MiB = 1024 * 1024;
    const string TooLarge = "Error: the input is larger than 4 MiB";
    const string NotUtf8 = "Error: the input is not UTF-8 text";
    const string Binary = "Error: the input is binary, not text";
    const string YamlBroken = "Error: the YAML does not parse";
    const string JsonBroken = "Error: the JSON does not parse";
    const string Bomb = "Error: the YAML expands to more than 500000 nodes through its aliases";
    const string TooDeep = "Error: the YAML nests deeper than 64 levels";

    public static readonly IReadOnlyDictionary<string, HostileInput> Inputs = Build();

    public static TheoryData<string> Names => new(Inputs.Keys);

    static Dictionary<string, HostileInput> Build()
    {
        var corpus = new Dictionary<string, HostileInput>();
        AddMalformed(corpus);
        AddOversized(corpus);
        AddNested(corpus);
        AddAliases(corpus);
        AddBinary(corpus);
        AddEncodings(corpus);
        AddCommandLines(corpus);
        return corpus;
    }

    static void AddMalformed(Dictionary<string, HostileInput> c)
    {
        c["an unclosed flow sequence"] = Refused("Resources: [", YamlBroken);
        c["a tab as indentation"] = Refused("Resources:\n\tDb:\n\t\tType: AWS::RDS::DBInstance\n", YamlBroken);
        c["a duplicate key in YAML"] = Refused(Template() + "      Engine: mysql\n", YamlBroken);
        c["an alias to an anchor never defined"] = Refused(Template("      Port: *nowhere\n"), YamlBroken);
        c["a truncated JSON template"] = Refused("{\"Resources\": {\"Db\": {\"Type\": \"AWS::RDS::DBInstance\"", JsonBroken);
        c["a trailing comma in JSON"] = Refused("{\"Resources\": {\"Db\": {\"Type\": \"AWS::RDS::DBInstance\"},}}", JsonBroken);
        c["a comment in JSON"] = Refused("{/* x */ \"Resources\": {}}", JsonBroken);
        c["a duplicate key in JSON"] = Refused("{\"Resources\": {\"Db\": {\"Type\": \"AWS::RDS::DBInstance\"}}, \"Resources\": {}}", JsonBroken);
        c["Resources as a list"] = Refused("Resources:\n  - Db\n", "Error: the input is not a CloudFormation template (no Resources section)");
        c["Resources as a scalar"] = Refused("Resources: 5\n", "Error: the input is not a CloudFormation template (no Resources section)");
        c["a resource without a type"] = Refused("Resources:\n  Db:\n    Properties: {}\n", "Error: the template has no AWS::RDS::DBInstance resource");
        c["a type that is a mapping"] = Refused("Resources:\n  Db:\n    Type: {Ref: X}\n", "Error: the template has no AWS::RDS::DBInstance resource");
        c["Properties as a string"] = Findings("Resources:\n  Db:\n    Type: AWS::RDS::DBInstance\n    Properties: nope\n");
        c["properties of the wrong types"] = Findings(Template(
            "      PubliclyAccessible: [1, 2]\n      Port: {a: b}\n      BackupRetentionPeriod: abc\n      VPCSecurityGroups: 7\n      EnableCloudwatchLogsExports: {x: 1}\n"));
        c["unknown and binary tags"] = Findings(Template("      MasterUsername: !Foo bar\n      Port: !!binary AAAA\n      DBName: !Ref {a: b}\n"));
        c["DBInstances as an object"] = Refused("{\"DBInstances\": {\"a\": 1}}", "Error: the JSON has no DBInstances array");
        c["DBInstances holding numbers and null"] = Refused("{\"DBInstances\": [{\"DBInstanceIdentifier\": \"real\"}, 1, null, []]}", "Error: DBInstances[1] is not an object");
        c["numbers out of every range"] = Findings("{\"DBInstances\": [{\"DBInstanceIdentifier\": \"big\", \"BackupRetentionPeriod\": 1e400, \"MonitoringInterval\": -99999999999999999999}]}");
        c["a command with an unterminated quote"] = Refused("aws rds create-db-instance --db-name 'cruddur", "Error: the command has an unterminated single quote");
        c["a command with flags and no values"] = Findings("aws rds create-db-instance --port --engine --backup-retention-period --db-instance-identifier");
        c["only whitespace and a byte order mark"] = Refused(() => [0xEF, 0xBB, 0xBF, .. " \n\t\r\n"u8], "Error: the input is empty");
    }

    static void AddOversized(Dictionary<string, HostileInput> c)
    {
        c["5 MiB of spaces"] = Refused(() => Encoding.ASCII.GetBytes(new string(' ', 5 * MiB)), TooLarge);
        c["a template one byte over 4 MiB"] = Refused(() => Pad(Template(), 4 * MiB + 1), TooLarge);
        c["a template with a 3 MiB description"] = Findings(() => "Description: " + new string('d', 3 * MiB) + "\n" + Template());
        c["a template of 501 resources"] = Refused(() => Resources(501), "Error: the template has 501 resources; CloudFormation allows at most 500 per template");
        c["a template of 500 database instances"] = Findings(() => Resources(500));
        c["describe output of 501 instances"] = Refused(
            () => "{\"DBInstances\": [" + string.Join(",", Enumerable.Range(0, 501).Select(i => $"{{\"DBInstanceIdentifier\": \"db{i}\"}}")) + "]}",
            "Error: DBInstances holds 501 instances; lint checks at most 500 at a time");
        c["a script of 501 create commands"] = Refused(
            () => string.Concat(Enumerable.Range(0, 501).Select(i => $"aws rds create-db-instance --db-instance-identifier db{i}\n")),
            "Error: the input has 501 create-db-instance commands; lint checks at most 500 at a time");
        c["one instance behind 100000 security group references"] = Findings(() =>
            "Resources:\n  Sg:\n    Type: AWS::EC2::SecurityGroup\n    Properties:\n      SecurityGroupIngress:\n" +
            Repeat("        - {CidrIp: 10.0.0.0/8, FromPort: 5432, ToPort: 5432}\n", 2000) +
            "  Db:\n    Type: AWS::RDS::DBInstance\n    Properties:\n      Engine: postgres\n      VPCSecurityGroups: [" + Repeat("!Ref Sg, ", 100_000) + "!Ref Sg]\n");
    }

    static void AddNested(Dictionary<string, HostileInput> c)
    {
        c["JSON arrays nested 100000 deep"] = Refused(() => "{\"Resources\": " + new string('[', 100_000) + new string(']', 100_000) + "}", JsonBroken);
        c["JSON objects nested 65 deep in Properties"] = Refused(
            () => "{\"Resources\": {\"Db\": {\"Type\": \"AWS::RDS::DBInstance\", \"Properties\": " + Repeat("{\"a\": ", 65) + "1" + new string('}', 65) + "}}}", JsonBroken);
        c["YAML flow sequences nested 100000 deep"] = Refused(() => "Resources: " + new string('[', 100_000) + new string(']', 100_000), TooDeep);
        c["YAML flow mappings nested 10000 deep"] = Refused(() => "Resources: " + Repeat("{a: ", 10_000) + "1" + new string('}', 10_000), TooDeep);
        c["YAML block mappings nested 1000 deep"] = Refused(
            () => "Resources:\n" + string.Concat(Enumerable.Range(1, 1000).Select(i => new string(' ', i) + "k:\n")), TooDeep);
        c["a chain of 200 anchors, each one level deeper"] = Refused(
            () => Template() + "Metadata:\n" + string.Concat(Enumerable.Range(1, 200).Select(i => $"  a{i}: &a{i} [{(i == 1 ? "x" : $"*a{i - 1}")}]\n")),
            "Error: the YAML nests deeper than 64 levels once its aliases are expanded");
    }

    static void AddAliases(Dictionary<string, HostileInput> c)
    {
        c["the billion laughs"] = Refused(BillionLaughs("Resources: *i\n"), Bomb);
        c["the billion laughs as an instance's properties"] = Refused(
            BillionLaughs("Resources:\n  Db:\n    Type: AWS::RDS::DBInstance\n    Properties:\n      Tags: *i\n"), Bomb);
        c["one 1 MiB scalar used 500 times as a master user name"] = Findings(() =>
            "Metadata:\n  name: &n " + new string('u', MiB) + "\nResources:\n" + string.Concat(Enumerable.Range(0, 500).Select(i =>
                $"  Db{i}:\n    Type: AWS::RDS::DBInstance\n    Properties: {{Engine: postgres, MasterUsername: *n}}\n")));
        c["a 1000-entry list aliased 1000 times"] = Refused(
            () => "Metadata:\n  l: &l [" + Repeat("x, ", 999) + "x]\n  uses: [" + Repeat("*l, ", 999) + "*l]\n" + Template(), Bomb);
        c["100000 aliases of one scalar"] = Findings(() => Template() + "Metadata:\n  s: &s v\n  uses: [" + Repeat("*s, ", 99_999) + "*s]\n");
        c["merge keys repeated 10000 times"] = Findings(() =>
            "Metadata:\n  base: &b {Engine: postgres}\n" + Template() + "      Tags:\n" + Repeat("        - {<<: *b, Key: k}\n", 10_000));
    }

    static void AddBinary(Dictionary<string, HostileInput> c)
    {
        c["64 KiB of random bytes"] = Refused(() => { var b = new byte[64 * 1024]; new Random(12).NextBytes(b); return b; }, NotUtf8);
        c["a PNG header"] = Refused(() => [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13], NotUtf8);
        c["a gzip file"] = Refused(() => [0x1F, 0x8B, 0x08, 0, 0, 0, 0, 0, 0, 3], NotUtf8);
        c["an ELF header"] = Refused(() => [0x7F, 0x45, 0x4C, 0x46, 2, 1, 1, 0, 0, 0, 0, 0], Binary);
        c["a NUL inside a template"] = Refused(Template("      DBName: a\0b\n"), Binary);
        c["1 MiB of 0xFF"] = Refused(() => Enumerable.Repeat((byte)0xFF, MiB).ToArray(), NotUtf8);
    }

    static void AddEncodings(Dictionary<string, HostileInput> c)
    {
        var template = Template("      PubliclyAccessible: true\n");
        c["UTF-8 with a byte order mark"] = Findings(() => [0xEF, 0xBB, 0xBF, .. Encoding.UTF8.GetBytes(template)]);
        c["UTF-16 LE with a byte order mark"] = Findings(() => [.. Encoding.Unicode.GetPreamble(), .. Encoding.Unicode.GetBytes(template)]);
        c["UTF-16 BE with a byte order mark"] = Findings(() => [.. Encoding.BigEndianUnicode.GetPreamble(), .. Encoding.BigEndianUnicode.GetBytes(template)]);
        c["UTF-32 LE with a byte order mark"] = Findings(() => [.. Encoding.UTF32.GetPreamble(), .. Encoding.UTF32.GetBytes(template)]);
        c["UTF-16 LE without a byte order mark"] = Refused(() => Encoding.Unicode.GetBytes(template), Binary);
        c["UTF-16 with an odd byte at the end"] = Refused(() => [.. Encoding.Unicode.GetPreamble(), .. Encoding.Unicode.GetBytes(template), 0x41],
            "Error: the input is not valid Unicode text, though its byte order mark says so");
        c["Latin-1 text"] = Refused(() => Encoding.Latin1.GetBytes(Template("      DBName: café\n")), NotUtf8);
        c["an overlong UTF-8 slash"] = Refused(() => [.. Encoding.UTF8.GetBytes(Template("      DBName: a")), 0xC0, 0xAF, (byte)'\n'], NotUtf8);
        c["a UTF-8 encoded lone surrogate"] = Refused(() => [.. Encoding.UTF8.GetBytes(Template("      DBName: a")), 0xED, 0xA0, 0x80, (byte)'\n'], NotUtf8);
        c["describe JSON with a byte order mark"] = Findings(() => [0xEF, 0xBB, 0xBF, .. "{\"DBInstances\": [{\"DBInstanceIdentifier\": \"bom\"}]}"u8]);
        c["a template with CRLF line ends"] = Findings(template.Replace("\n", "\r\n"));
        c["a template with CR line ends"] = Findings(template.Replace("\n", "\r"));
        c["an escape sequence in a logical id"] = Findings("{\"Resources\": {\"Db\\u001b[2J\": {\"Type\": \"AWS::RDS::DBInstance\"}}}");
    }

    static void AddCommandLines(Dictionary<string, HostileInput> c)
    {
        const string Create = "aws rds create-db-instance --db-instance-identifier big --engine postgres";
        c["a command line with a 3 MiB value"] = Findings(() => $"{Create} --db-name {new string('n', 3 * MiB)}\n");
        c["a command line of 3 MiB of tags"] = Findings(() => $"{Create} --tags {Repeat("Key=a,Value=b ", 3 * MiB / 14)}\n");
        c["a command line of a million continuations"] = Findings(() => Create + Repeat(" \\\n", MiB) + " --port 6432\n");
        c["a command line of 5 MiB"] = Refused(() => $"{Create} --db-name {new string('n', 5 * MiB)}\n", TooLarge);
        c["a command line of 3 MiB of quotes"] = Findings(() => $"{Create} --db-name {Repeat("''", 3 * MiB / 2)}\n");
        c["a script of 100000 other aws rds commands"] = Refused(
            () => Repeat("aws rds describe-db-instances\n", 100_000) + Create + "\n", "Error: the input has more than 5000 aws rds commands");
        c["a script of 100000 comments"] = Findings(() => Repeat("# cruddur-accept: RDS-PUBLIC x\n", 100_000) + Create + "\n");
        c["a script of 3 million empty commands"] = Findings(() => Repeat(";", 3 * MiB) + Create + "\n");
    }

    static byte[] Pad(string text, int size) => Encoding.UTF8.GetBytes(text + "#" + new string('x', size - Encoding.UTF8.GetByteCount(text) - 1));

    static string Resources(int count) => "Resources:\n" + string.Concat(Enumerable.Range(0, count).Select(i =>
        $"  Db{i}:\n    Type: AWS::RDS::DBInstance\n    Properties: {{Engine: postgres, EngineVersion: '16.3', StorageEncrypted: true}}\n"));

    /// <summary>Nine levels of nine aliases each: 9^9 (387 million) nodes once expanded, from under 1 KB.</summary>
    static string BillionLaughs(string tail)
    {
        var s = new StringBuilder("Metadata:\n  a: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n");
        var names = "abcdefghi";
        for (var i = 1; i < names.Length; i++)
            s.Append($"  {names[i]}: &{names[i]} [{string.Join(", ", Enumerable.Repeat("*" + names[i - 1], 9))}]\n");
        return s + tail;
    }
}
