using System.Text.Json;
using System.Text.Json.Serialization;
using MlApp.Jobs;

namespace MlApp.Web.Jobs;

/// <summary>A job's status on the wire in its stored form (<c>QUEUED</c>, <c>SUCCEEDED</c>, ...), as the API has always written it.</summary>
public sealed class StoredJobStatusConverter() : JsonStringEnumConverter<JobStatus>(JsonNamingPolicy.SnakeCaseUpper, allowIntegerValues: false);
