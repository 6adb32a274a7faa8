namespace Berth.Scanning.Images;

/// <summary>Either an image ready to scan or the reason it could not be read.</summary>
public sealed record ImageLoad
{
    private ImageLoad(ImageToScan? image, string? error)
    {
        Image = image;
        Error = error;
    }

    public ImageToScan? Image { get; }

    public string? Error { get; }

    public static ImageLoad Of(ImageToScan image) => new(image, null);

    public static ImageLoad Failed(string error) => new(null, error);
}
