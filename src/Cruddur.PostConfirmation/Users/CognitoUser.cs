using System.Text.Json;
using Cruddur.Data;
using Cruddur.PostConfirmation.Events;

namespace Cruddur.PostConfirmation.Users;

/// <summary>The row a confirmed sign-up becomes: users.display_name, email, handle and cognito_user_id.</summary>
public sealed record CognitoUser(string DisplayName, string Email, string Handle, string CognitoUserId)
{
    public static CognitoUser From(PostConfirmationEvent received)
    {
        var attributes = received.Request?.UserAttributes
            ?? throw new CruddurException("the event has no request.userAttributes");
        return new CognitoUser(
            DisplayName: Required(attributes, "name"),
            Email: Required(attributes, "email"),
            Handle: Required(attributes, "preferred_username"),
            CognitoUserId: Required(attributes, "sub"));
    }

    static string Required(Dictionary<string, JsonElement> attributes, string name)
    {
        attributes.TryGetValue(name, out var value);
        return value.ValueKind switch
        {
            JsonValueKind.String when !string.IsNullOrWhiteSpace(value.GetString()) => value.GetString()!,
            JsonValueKind.Undefined or JsonValueKind.Null or JsonValueKind.String => throw new CruddurException(
                $"request.userAttributes.{name} is missing or empty (required for {TriggerSource.ConfirmSignUp})"),
            _ => throw new CruddurException(
                $"request.userAttributes.{name} is a JSON {value.ValueKind.ToString().ToLowerInvariant()} (expected a string)"),
        };
    }
}
