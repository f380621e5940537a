using System.Globalization;
using Microsoft.Extensions.Logging;
using MlApp.Aws.Ecs;

namespace MlApp.Hosting.LocalAws.Ecs;

/// <summary>
/// The emulator's control plane: validates ECS requests, keeps every task it started, and starts or stops the local
/// resources through an <see cref="ITaskLauncher"/> as tasks come and go. One lock guards all state; launcher calls
/// happen outside it.
/// </summary>
internal sealed class EcsTaskBoard(
    string cluster, IEnumerable<string> families, ITaskLauncher launcher, RunTaskFaults faults, TimeProvider time, ILogger logger, CancellationToken lifetime)
    : IResourceStateSink
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, FamilyTasks> _families = families.ToDictionary(family => family, _ => new FamilyTasks(), StringComparer.Ordinal);
    private readonly Dictionary<string, LocalTask> _tasks = new(StringComparer.Ordinal);
    private readonly List<LocalTask> _inOrder = [];
    private readonly Dictionary<string, IReadOnlyList<LocalTask>> _byClientToken = new(StringComparer.Ordinal);

    public RunTaskResponse RunTask(RunTaskRequest request)
    {
        if (faults.TakeThrottle())
        {
            throw EcsApiError.Throttling();
        }

        var clusterName = KnownCluster(request.Cluster);
        var family = KnownFamily(request.TaskDefinition);
        var count = EcsRequestRules.Count(request.Count);
        EcsRequestRules.Network(request.NetworkConfiguration);
        EcsRequestRules.StartedBy(request.StartedBy);
        EcsRequestRules.ClientToken(request.ClientToken);

        IReadOnlyList<LocalTask> tasks;
        bool launch;
        lock (_gate)
        {
            if (request.ClientToken is { } token && _byClientToken.TryGetValue(token, out var earlier))
            {
                return new RunTaskResponse { Tasks = earlier.Select(task => task.Describe()).ToList() };
            }

            if (faults.TakeFailure())
            {
                EcsEmulatorLog.RunTaskFailed(logger, family, count);
                return new RunTaskResponse
                {
                    Failures = Enumerable.Repeat(new EcsFailure(null, RunTaskFaults.CapacityUnavailable, null), count).ToList(),
                };
            }

            var now = time.GetUtcNow();
            tasks = Enumerable.Range(0, count)
                .Select(_ => new LocalTask(clusterName, family, request.StartedBy, request.Overrides, now))
                .ToList();
            launch = _families[family].Add(tasks, now);
            foreach (var task in tasks)
            {
                _tasks[task.Id] = task;
                _inOrder.Add(task);
            }

            if (request.ClientToken is { } newToken)
            {
                _byClientToken[newToken] = tasks;
            }

            EcsEmulatorLog.RunTask(logger, family, count, launch ? "starting the resource" : "joining its current run");
            if (launch)
            {
                _ = StartAsync(family);
            }

            return new RunTaskResponse { Tasks = tasks.Select(task => task.Describe()).ToList() };
        }
    }

    public DescribeTasksResponse DescribeTasks(DescribeTasksRequest request)
    {
        var clusterName = KnownCluster(request.Cluster);
        if (request.Tasks is not { Count: > 0 and <= EcsRequestRules.MaxTasksPerDescribe } ids)
        {
            throw EcsApiError.InvalidParameter($"Tasks must contain 1 to {EcsRequestRules.MaxTasksPerDescribe} task ids or ARNs.");
        }

        var found = new List<EcsTask>();
        var failures = new List<EcsFailure>();
        lock (_gate)
        {
            foreach (var id in ids)
            {
                if (Find(clusterName, id) is { } task)
                {
                    found.Add(task.Describe());
                }
                else
                {
                    failures.Add(new EcsFailure(id.StartsWith("arn:", StringComparison.Ordinal) ? id : EcsArns.Task(clusterName, id), "MISSING", null));
                }
            }
        }

        return new DescribeTasksResponse { Tasks = found, Failures = failures };
    }

    public StopTaskResponse StopTask(StopTaskRequest request)
    {
        var clusterName = KnownCluster(request.Cluster);
        lock (_gate)
        {
            var task = (string.IsNullOrEmpty(request.Task) ? null : Find(clusterName, request.Task))
                ?? throw EcsApiError.InvalidParameter("The referenced task was not found.");
            var reason = string.IsNullOrEmpty(request.Reason) ? "Task stopped by user" : request.Reason;
            if (_families[task.Family].Stop(task, reason, time.GetUtcNow()))
            {
                _ = StopAsync(task.Family);
            }

            EcsEmulatorLog.StopTask(logger, task.Family, task.Id, reason);
            return new StopTaskResponse(task.Describe());
        }
    }

    public ListTasksResponse ListTasks(ListTasksRequest request)
    {
        var clusterName = KnownCluster(request.Cluster);
        EcsRequestRules.ListFilters(request);
        var desired = EcsRequestRules.DesiredStatus(request.DesiredStatus);
        var pageSize = request.MaxResults ?? EcsRequestRules.MaxListResults;
        if (pageSize is < 1 or > EcsRequestRules.MaxListResults)
        {
            throw EcsApiError.InvalidParameter($"maxResults must be between 1 and {EcsRequestRules.MaxListResults}.");
        }

        var offset = 0;
        if (request.NextToken is { } token && !int.TryParse(token, NumberStyles.None, CultureInfo.InvariantCulture, out offset))
        {
            throw EcsApiError.InvalidParameter("Invalid nextToken.");
        }

        lock (_gate)
        {
            var matches = _inOrder
                .Where(task => task.Cluster == clusterName && task.DesiredStatus == desired)
                .Where(task => request.Family is null || task.Family == request.Family)
                .Where(task => request.StartedBy is null || task.StartedBy == request.StartedBy)
                .Select(task => task.Arn)
                .ToList();
            var page = matches.Skip(offset).Take(pageSize).ToList();
            var next = offset + page.Count < matches.Count ? (offset + page.Count).ToString(CultureInfo.InvariantCulture) : null;
            return new ListTasksResponse { TaskArns = page, NextToken = next };
        }
    }

    public void Report(string family, ResourcePhase phase, int? exitCode)
    {
        lock (_gate)
        {
            if (!_families.TryGetValue(family, out var tasks))
            {
                return;
            }

            EcsEmulatorLog.ResourceState(logger, family, phase, exitCode);
            if (tasks.Report(phase, exitCode, time.GetUtcNow()))
            {
                _ = StartAsync(family);
            }
        }
    }

    public void ReportLateExitCode(string family, int exitCode)
    {
        lock (_gate)
        {
            if (_families.TryGetValue(family, out var tasks))
            {
                tasks.TakeLateExitCode(exitCode);
            }
        }
    }

    private async Task StartAsync(string family)
    {
        // Off the caller's thread and lock: RunTask answers PROVISIONING at once, as ECS does, while the resource starts.
        await Task.Yield();
        try
        {
            await launcher.StartAsync(family, lifetime);
        }
        catch (OperationCanceledException) when (lifetime.IsCancellationRequested)
        {
        }
        catch (Exception error)
        {
            EcsEmulatorLog.StartFailed(logger, family, error);
            lock (_gate)
            {
                if (_families[family].LaunchFailed(error.Message, time.GetUtcNow()))
                {
                    _ = StartAsync(family);
                }
            }
        }
    }

    private async Task StopAsync(string family)
    {
        await Task.Yield();
        try
        {
            await launcher.StopAsync(family, lifetime);
        }
        catch (OperationCanceledException) when (lifetime.IsCancellationRequested)
        {
        }
        catch (Exception error)
        {
            // The tasks stay STOPPING, as they would in AWS until the container really ends.
            EcsEmulatorLog.StopFailed(logger, family, error);
        }
    }

    private string KnownCluster(string? nameOrArn)
    {
        var name = EcsArns.ClusterName(nameOrArn);
        return name == cluster ? name : throw EcsApiError.ClusterNotFound();
    }

    private string KnownFamily(string? taskDefinition)
    {
        if (string.IsNullOrEmpty(taskDefinition))
        {
            throw EcsApiError.InvalidParameter("taskDefinition can not be blank.");
        }

        var (family, revision) = EcsArns.TaskDefinitionName(taskDefinition);
        return _families.ContainsKey(family) && revision is null or "1" ? family : throw EcsApiError.UnknownTaskDefinition();
    }

    private LocalTask? Find(string clusterName, string idOrArn) =>
        _tasks.TryGetValue(EcsArns.TaskId(idOrArn), out var task) && task.Cluster == clusterName ? task : null;
}
