using Cruddur.Api;
using Cruddur.Data;

// The API on its own (the bench runs it so); `cruddur up` runs the same application in-process.
ApiSettings settings;
try
{
    settings = await ApiSettings.FromEnvironmentAsync(Environment.GetEnvironmentVariable, CancellationToken.None);
}
catch (CruddurException e)
{
    Console.Error.WriteLine($"Error: {e.Message}");
    return 1;
}
await CruddurApi.Build(settings).RunAsync();
return 0;
