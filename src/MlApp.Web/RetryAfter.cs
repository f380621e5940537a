using System.Globalization;

namespace MlApp.Web;

/// <summary>The one rule for a <c>Retry-After</c>: whole seconds, rounded up, at least one.</summary>
public static class RetryAfter
{
    public static int Seconds(TimeSpan wait) => Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds));

    public static void Set(HttpContext context, TimeSpan wait) =>
        context.Response.Headers.RetryAfter = Seconds(wait).ToString(CultureInfo.InvariantCulture);
}
