using System.Text.Json.Serialization;

namespace Cruddur.PostConfirmation.Events;

/// <summary>
/// The part of Cognito's post-confirmation event the function reads. The handler answers with the
/// bytes it received, so fields it does not read (version, callerContext, response) pass through untouched.
/// </summary>
public sealed record PostConfirmationEvent(string? TriggerSource, string? UserName, PostConfirmationRequest? Request);

public sealed record PostConfirmationRequest(Dictionary<string, string?>? UserAttributes);

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase)]
[JsonSerializable(typeof(PostConfirmationEvent))]
sealed partial class EventJson : JsonSerializerContext;
