using System.Net;
using System.Net.Sockets;

namespace Cruddur.Rds.Network;

/// <summary>
/// The IPv4 range a developer rule may open the database to: one address becomes a /32; 0.0.0.0/0,
/// ::/0 and anything wider than <c>maxPrefix</c> allows are refused (the document's "do not put 0.0.0.0/0").
/// </summary>
public static class DevCidr
{
    public static void CheckMaxPrefix(int maxPrefix)
    {
        if (maxPrefix is < 1 or > 32) throw new RdsException($"--max-prefix {maxPrefix} is out of range (1-32; /0 is never allowed)");
    }

    public static string Parse(string text, int maxPrefix)
    {
        CheckMaxPrefix(maxPrefix);
        var parts = text.Trim().Split('/');
        if (parts.Length > 2 || !IPAddress.TryParse(parts[0], out var address))
            throw new RdsException($"'{text}' is not an IPv4 address or CIDR");
        var prefix = 32;
        if (parts.Length == 2 && !int.TryParse(parts[1], out prefix))
            throw new RdsException($"'{text}' has no valid prefix length");
        if (address.AddressFamily == AddressFamily.InterNetworkV6)
            throw new RdsException(prefix == 0 || address.Equals(IPAddress.IPv6Any) && parts.Length == 2
                ? "refusing ::/0: that opens PostgreSQL to the whole IPv6 internet"
                : $"'{text}' is IPv6; the rule takes an IPv4 address (CidrIpv4)");
        if (prefix is < 0 or > 32) throw new RdsException($"'{text}' has no valid prefix length");
        if (prefix == 0) throw new RdsException("refusing 0.0.0.0/0: that opens PostgreSQL to the whole internet (the document's own rule: do not put 0.0.0.0/0)");
        if (prefix < maxPrefix)
            throw new RdsException($"refusing /{prefix}: wider than --max-prefix /{maxPrefix} allows ({1L << (32 - prefix)} addresses)");
        return $"{Network(address, prefix)}/{prefix}";
    }

    /// <summary>The range's first address, so 203.0.113.7/29 is sent as 203.0.113.0/29 (what EC2 stores).</summary>
    static IPAddress Network(IPAddress address, int prefix)
    {
        var bytes = address.GetAddressBytes();
        var value = (uint)(bytes[0] << 24 | bytes[1] << 16 | bytes[2] << 8 | bytes[3]);
        var mask = prefix == 32 ? uint.MaxValue : ~(uint.MaxValue >> prefix);
        var network = value & mask;
        return new IPAddress([(byte)(network >> 24), (byte)(network >> 16), (byte)(network >> 8), (byte)network]);
    }
}
