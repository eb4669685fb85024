namespace Corrections.Web.Demo;

/// <summary>Bound from <c>Demo</c>. On for the run command (Development), refused in Production.</summary>
public sealed class DemoOptions
{
    public bool Enabled { get; set; }
}

/// <summary>Bound from <c>Bootstrap</c>: the first installation administrator of a real installation.</summary>
public sealed class BootstrapOptions
{
    public string? AdminEmail { get; set; }
    public string? AdminPassword { get; set; }
}
