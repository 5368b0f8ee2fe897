namespace Cruddur.Chores.Roles;

/// <summary>
/// A login role with only what one program needs. DDL stays with the owner that runs the migrations:
/// these roles own nothing and cannot create anything.
/// </summary>
/// <param name="Grants">The embedded script that revokes everything on the tables, then grants this role's privileges.</param>
/// <param name="PasswordVariable">The environment variable whose value becomes the role's password (never an argument).</param>
public sealed record DatabaseRole(string Name, string Grants, string PasswordVariable, string Privileges)
{
    public static readonly DatabaseRole App = new("cruddur_app", "Roles/GrantApp.sql", "CRUDDUR_APP_PASSWORD",
        "SELECT users, activities, activity_feed; INSERT activities; UPDATE activities (replies_count, reposts_count, likes_count)");

    public static readonly DatabaseRole PostConfirmation = new("cruddur_post_confirmation", "Roles/GrantPostConfirmation.sql",
        "CRUDDUR_POST_CONFIRMATION_PASSWORD", "SELECT, INSERT, UPDATE users");

    public static readonly IReadOnlyList<DatabaseRole> All = [App, PostConfirmation];
}
