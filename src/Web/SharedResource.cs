namespace Corrections.Web;

/// <summary>Anchor type for <c>Resources/SharedResource.resx</c>: every Russian text of pages and API messages.</summary>
public sealed class SharedResource;
