namespace Cruddur.Data.Settings;

/// <summary>Which database a chore works on: the local one (default) or production.</summary>
public enum Target
{
    Local,
    Prod,
}
