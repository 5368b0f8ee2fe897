using System.Net;
using System.Text.Json;
using System.Text.Json.Serialization;
using Cruddur.PostConfirmation;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Logging;

namespace Cruddur.Cli.Commands.Lambda;

/// <summary>
/// Lambda's Invoke API (request-response) on 127.0.0.1, so that the AWS CLI, an AWS SDK or a local
/// Cognito emulator can call the function with <c>--endpoint-url</c>. Errors take Lambda's shapes.
/// </summary>
public static class InvokeApi
{
    public static WebApplication Build(Function function, int port)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, port));
        var app = builder.Build();
        app.MapPost("/2015-03-31/functions/{functionName}/invocations",
            (string functionName, HttpContext context) => InvokeAsync(function, functionName, context));
        return app;
    }

    public sealed record FunctionError(string ErrorType, string ErrorMessage);

    /// <summary>Lambda's REST error body: its capitalised names plus the lower-case <c>message</c> SDKs also read.</summary>
    public sealed record ServiceError(string Type, string Message)
    {
        [JsonPropertyName("message")]
        public string LowerCaseMessage => Message;
    }

    // The web defaults match names case-insensitively, which would make Message and message collide.
    static readonly JsonSerializerOptions ExactNames = new();

    static async Task<Results<FileStreamHttpResult, JsonHttpResult<FunctionError>, JsonHttpResult<ServiceError>>> InvokeAsync(
        Function function, string functionName, HttpContext context)
    {
        var headers = context.Response.Headers;
        if (!Names(functionName))
        {
            headers["x-amzn-ErrorType"] = "ResourceNotFoundException";
            return TypedResults.Json(new ServiceError("User", $"Function not found: {functionName}"), ExactNames, statusCode: StatusCodes.Status404NotFound);
        }
        headers["X-Amz-Executed-Version"] = "$LATEST";
        try
        {
            var output = await function.InvokeAsync(context.Request.Body, context.RequestAborted);
            return TypedResults.Stream(output, "application/json");
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            headers["X-Amz-Function-Error"] = "Unhandled";
            return TypedResults.Json(new FunctionError(e.GetType().Name, e.Message));
        }
    }

    /// <summary>The name, <c>name:qualifier</c>, or an ARN (<c>arn:aws:lambda:region:account:function:name[:qualifier]</c>).</summary>
    static bool Names(string requested)
    {
        var parts = requested.Split(':');
        var function = Array.IndexOf(parts, "function");
        var name = function >= 0 && function + 1 < parts.Length ? parts[function + 1] : parts[0];
        return name == LambdaCommands.FunctionName;
    }
}
