using System.Text.Json;
using System.Text.Json.Serialization;

namespace Cruddur.PostConfirmation.Events;

/// <summary>
/// The part of Cognito's post-confirmation event the function reads. The handler answers with the
/// bytes it received, so fields it does not read (version, callerContext, response) pass through untouched.
/// </summary>
public sealed record PostConfirmationEvent(string? TriggerSource, string? UserName, PostConfirmationRequest? Request);

/// <summary>Cognito sends strings; other types are tolerated where the function does not read them.</summary>
public sealed record PostConfirmationRequest(Dictionary<string, JsonElement>? UserAttributes);

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase)]
[JsonSerializable(typeof(PostConfirmationEvent))]
sealed partial class EventJson : JsonSerializerContext;
