namespace MlApp.Tests.Faults.EndToEnd;

/// <summary>One running replica of a project resource: its Aspire resource id and its application's process id.</summary>
internal sealed record Replica(string Id, int AppProcessId);
