namespace MlApp.Tests.Unit.Ecs;

/// <summary>
/// ECS response bodies in the shapes the ECS API reference documents (RunTask, DescribeTasks, StopTask, ListTasks and
/// the JSON 1.1 error shape), with the fields a real Fargate answer carries beyond those the client reads.
/// </summary>
internal static class RecordedEcsResponses
{
    public const string TaskArn = "arn:aws:ecs:us-east-1:123456789012:task/mlapp/1dc5c17a422548a4a8ebc4ffd5eb2fb8";
    public const string SecondTaskArn = "arn:aws:ecs:us-east-1:123456789012:task/mlapp/7c9d1e3c0f7a4b0e9d8a6f5e4d3c2b1a";

    public const string RunTaskStarted = """
        {
          "tasks": [
            {
              "attachments": [
                {
                  "id": "2d6a1cf7-8b44-4cbe-9c33-6a1e5b0b4c2f",
                  "type": "ElasticNetworkInterface",
                  "status": "PRECREATED",
                  "details": [ { "name": "subnetId", "value": "subnet-0a1b2c3d4e5f60718" } ]
                }
              ],
              "attributes": [ { "name": "ecs.cpu-architecture", "value": "x86_64" } ],
              "availabilityZone": "us-east-1a",
              "clusterArn": "arn:aws:ecs:us-east-1:123456789012:cluster/mlapp",
              "containers": [
                {
                  "containerArn": "arn:aws:ecs:us-east-1:123456789012:container/mlapp/1dc5c17a422548a4a8ebc4ffd5eb2fb8/9a0e6f53-1c2b-4d8e-b7a4-0f3e2d1c5b6a",
                  "taskArn": "arn:aws:ecs:us-east-1:123456789012:task/mlapp/1dc5c17a422548a4a8ebc4ffd5eb2fb8",
                  "name": "batch",
                  "lastStatus": "PENDING",
                  "networkInterfaces": [],
                  "cpu": "0"
                }
              ],
              "cpu": "4096",
              "createdAt": 1.700000000123E9,
              "desiredStatus": "RUNNING",
              "enableExecuteCommand": false,
              "group": "family:mlapp-batch",
              "lastStatus": "PROVISIONING",
              "launchType": "FARGATE",
              "memory": "16384",
              "overrides": { "containerOverrides": [ { "name": "batch" } ], "inferenceAcceleratorOverrides": [] },
              "platformVersion": "1.4.0",
              "platformFamily": "Linux",
              "startedBy": "mlapp-dispatcher",
              "tags": [],
              "taskArn": "arn:aws:ecs:us-east-1:123456789012:task/mlapp/1dc5c17a422548a4a8ebc4ffd5eb2fb8",
              "taskDefinitionArn": "arn:aws:ecs:us-east-1:123456789012:task-definition/mlapp-batch:3",
              "version": 1,
              "ephemeralStorage": { "sizeInGiB": 20 }
            }
          ],
          "failures": []
        }
        """;

    /// <summary>One task placed and one not: the call succeeds, the failure is only in the body.</summary>
    public const string RunTaskPartlyFailed = """
        {
          "tasks": [
            {
              "clusterArn": "arn:aws:ecs:us-east-1:123456789012:cluster/mlapp",
              "containers": [],
              "createdAt": 1700000000.5,
              "desiredStatus": "RUNNING",
              "lastStatus": "PROVISIONING",
              "launchType": "FARGATE",
              "taskArn": "arn:aws:ecs:us-east-1:123456789012:task/mlapp/1dc5c17a422548a4a8ebc4ffd5eb2fb8",
              "taskDefinitionArn": "arn:aws:ecs:us-east-1:123456789012:task-definition/mlapp-batch:3"
            }
          ],
          "failures": [
            { "arn": "arn:aws:ecs:us-east-1:123456789012:container-instance/mlapp/0b69d5c0d0ea4de4b5a4d2b4c2b9c0f1", "reason": "RESOURCE:MEMORY" }
          ]
        }
        """;

    /// <summary>Nothing started at all, which ECS reports as a 200.</summary>
    public const string RunTaskNoCapacity = """
        {
          "tasks": [],
          "failures": [
            { "reason": "Capacity is unavailable at this time. Please try again later or in a different availability zone" },
            { "arn": "arn:aws:ecs:us-east-1:123456789012:container-instance/mlapp/5e4d3c2b1a0f4e9d8c7b6a5f4e3d2c1b", "reason": "AGENT", "detail": "The container instance agent is disconnected." }
          ]
        }
        """;

    public const string DescribeTasksStoppedAndMissing = """
        {
          "tasks": [
            {
              "clusterArn": "arn:aws:ecs:us-east-1:123456789012:cluster/mlapp",
              "containers": [
                {
                  "containerArn": "arn:aws:ecs:us-east-1:123456789012:container/mlapp/1dc5c17a422548a4a8ebc4ffd5eb2fb8/9a0e6f53-1c2b-4d8e-b7a4-0f3e2d1c5b6a",
                  "taskArn": "arn:aws:ecs:us-east-1:123456789012:task/mlapp/1dc5c17a422548a4a8ebc4ffd5eb2fb8",
                  "name": "batch",
                  "lastStatus": "STOPPED",
                  "exitCode": 0,
                  "networkInterfaces": [ { "attachmentId": "2d6a1cf7-8b44-4cbe-9c33-6a1e5b0b4c2f", "privateIpv4Address": "10.0.0.12" } ]
                }
              ],
              "createdAt": 1700000000.123,
              "desiredStatus": "STOPPED",
              "executionStoppedAt": 1700000095.2,
              "lastStatus": "STOPPED",
              "launchType": "FARGATE",
              "startedAt": 1700000031.877,
              "startedBy": "mlapp-dispatcher",
              "stopCode": "EssentialContainerExited",
              "stoppedAt": 1700000110.04,
              "stoppedReason": "Essential container in task exited",
              "stoppingAt": 1700000096.01,
              "taskArn": "arn:aws:ecs:us-east-1:123456789012:task/mlapp/1dc5c17a422548a4a8ebc4ffd5eb2fb8",
              "taskDefinitionArn": "arn:aws:ecs:us-east-1:123456789012:task-definition/mlapp-batch:3"
            }
          ],
          "failures": [
            { "arn": "arn:aws:ecs:us-east-1:123456789012:task/mlapp/7c9d1e3c0f7a4b0e9d8a6f5e4d3c2b1a", "reason": "MISSING" }
          ]
        }
        """;

    public const string StopTaskAccepted = """
        {
          "task": {
            "clusterArn": "arn:aws:ecs:us-east-1:123456789012:cluster/mlapp",
            "containers": [ { "name": "batch", "lastStatus": "RUNNING" } ],
            "desiredStatus": "STOPPED",
            "lastStatus": "RUNNING",
            "launchType": "FARGATE",
            "stopCode": "UserInitiated",
            "stoppedReason": "queue drained elsewhere",
            "stoppingAt": 1700000200.75,
            "taskArn": "arn:aws:ecs:us-east-1:123456789012:task/mlapp/1dc5c17a422548a4a8ebc4ffd5eb2fb8"
          }
        }
        """;

    public const string ListTasksFirstPage = """
        { "taskArns": [ "arn:aws:ecs:us-east-1:123456789012:task/mlapp/1dc5c17a422548a4a8ebc4ffd5eb2fb8" ], "nextToken": "eyJlbmNyeXB0ZWREYXRhIjpbXX0=" }
        """;

    public const string ListTasksLastPage = """
        { "taskArns": [ "arn:aws:ecs:us-east-1:123456789012:task/mlapp/7c9d1e3c0f7a4b0e9d8a6f5e4d3c2b1a" ] }
        """;

    public const string ClientException = """{"__type":"ClientException","message":"Unable to describe task definition."}""";

    public const string ClusterNotFound = """{"__type":"ClusterNotFoundException","message":"Cluster not found."}""";

    public const string InvalidParameterWithNamespace =
        """{"__type":"com.amazonaws.ecs#InvalidParameterException","message":"Network Configuration must be provided when networkMode 'awsvpc' is specified."}""";

    public const string AccessDenied =
        """{"__type":"AccessDeniedException","Message":"User: arn:aws:sts::123456789012:assumed-role/mlapp-web/task is not authorized to perform: ecs:RunTask on resource: arn:aws:ecs:us-east-1:123456789012:task-definition/mlapp-batch:3 because no identity-based policy allows the ecs:RunTask action"}""";

    public const string Throttling = """{"__type":"ThrottlingException","message":"Rate exceeded"}""";

    public const string ServerException = """{"__type":"ServerException","message":"Service Unavailable. Please try again later."}""";
}
