using System.Collections.Specialized;
using System.Text.Json;
using Quartz.Spi;

namespace Corrections.Web.Infrastructure.Timers;

/// <summary>
/// Quartz's ADO store with <c>useProperties = true</c> keeps job data as string properties, but still
/// asks a serializer to turn that <see cref="NameValueCollection"/> into bytes. The default binary
/// serializer needs BinaryFormatter, which .NET 10 no longer has; this writes the properties as JSON.
/// </summary>
public sealed class JsonPropertiesSerializer : IObjectSerializer
{
    public void Initialize()
    {
    }

    public byte[] Serialize<T>(T obj) where T : class => obj switch
    {
        NameValueCollection properties => JsonSerializer.SerializeToUtf8Bytes(properties.AllKeys.Where(k => k is not null).ToDictionary(k => k!, k => properties[k])),
        _ => throw new NotSupportedException($"Only string job data is stored (quartz.jobStore.useProperties = true); got {typeof(T).Name}."),
    };

    public T? DeSerialize<T>(byte[] data) where T : class
    {
        if (typeof(T) != typeof(NameValueCollection))
            throw new NotSupportedException($"Only string job data is stored; cannot read {typeof(T).Name}.");
        var properties = new NameValueCollection();
        foreach (var (key, value) in JsonSerializer.Deserialize<Dictionary<string, string?>>(data) ?? [])
            properties[key] = value;
        return properties as T;
    }
}
