namespace Cruddur.PostConfirmation.Events;

/// <summary>The two values Cognito sends to a post-confirmation trigger.</summary>
public static class TriggerSource
{
    public const string ConfirmSignUp = "PostConfirmation_ConfirmSignUp";
    public const string ConfirmForgotPassword = "PostConfirmation_ConfirmForgotPassword";
}
