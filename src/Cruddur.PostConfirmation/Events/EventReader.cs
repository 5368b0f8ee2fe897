using System.Text.Json;
using Cruddur.Data;

namespace Cruddur.PostConfirmation.Events;

/// <summary>Reads the event bytes; anything that is not a JSON object of the expected shape fails by name.</summary>
public static class EventReader
{
    public static PostConfirmationEvent Read(byte[] json)
    {
        try
        {
            return JsonSerializer.Deserialize(json, EventJson.Default.PostConfirmationEvent)
                ?? throw new CruddurException("the event is JSON null (expected Cognito's post-confirmation event object)");
        }
        catch (JsonException e)
        {
            throw new CruddurException($"the event is not valid JSON for a post-confirmation event ({e.Message})", e);
        }
    }
}
