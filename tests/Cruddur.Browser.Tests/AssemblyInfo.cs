[assembly: AssemblyFixture(typeof(Cruddur.Testing.PostgresServer))]
