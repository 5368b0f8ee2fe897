using System.Net;
using System.Net.Sockets;

namespace Cruddur.Rds.Network;

/// <summary>The caller's public IPv4 address, asked of an echo service (the document ran <c>curl ifconfig.me</c>).</summary>
public static class PublicIp
{
    public const string DefaultUrl = "https://checkip.amazonaws.com";

    public static async Task<IPAddress> DetectAsync(Uri url, TimeSpan timeout, CancellationToken ct)
    {
        using var http = new HttpClient { Timeout = timeout };
        string body;
        try
        {
            using var response = await http.GetAsync(url, ct);
            if (!response.IsSuccessStatusCode)
                throw new RdsException($"cannot find your public IP: {url} answered {(int)response.StatusCode} (give it with --ip)");
            body = await response.Content.ReadAsStringAsync(ct);
        }
        catch (HttpRequestException e)
        {
            throw new RdsException($"cannot find your public IP: {url} is unreachable ({e.HttpRequestError}) (give it with --ip)", e);
        }
        catch (TaskCanceledException e) when (!ct.IsCancellationRequested)
        {
            throw new RdsException($"cannot find your public IP: {url} did not answer within {timeout.TotalSeconds:0} s (give it with --ip)", e);
        }
        var text = body.Trim();
        if (text.Length > 45 || !IPAddress.TryParse(text, out var address) || address.AddressFamily != AddressFamily.InterNetwork)
            throw new RdsException($"cannot find your public IP: {url} did not answer with an IPv4 address (give it with --ip)");
        return address;
    }
}
