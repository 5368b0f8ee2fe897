[assembly: AssemblyFixture(typeof(Cruddur.Testing.PostgresServer))]
[assembly: AssemblyFixture(typeof(Cruddur.Api.Tests.Auth.TestUserPool))]
