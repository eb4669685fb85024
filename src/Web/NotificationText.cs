namespace Corrections.Web;

/// <summary>Anchor type for <c>Resources/NotificationText.resx</c>: the Russian text of the emails.</summary>
public sealed class NotificationText;
