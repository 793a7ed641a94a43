using Microsoft.Playwright;

namespace IqosBot.WebChat.Tests;

/// <summary>
/// Pictures of the page for a person reading a failed run (TestResults/screenshots). Taking one is best effort: on a
/// starved machine a full-page screenshot can outlast its time limit, and an exception from the picture (often taken
/// in a finally block) would hide the assertion that actually failed.
/// </summary>
internal static class Screenshots
{
    public static string Folder { get; } = Path.Combine(AppContext.BaseDirectory, "TestResults", "screenshots");

    public static async Task TakeAsync(IPage page, string name)
    {
        Directory.CreateDirectory(Folder);
        try
        {
            await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(Folder, name + ".png"), FullPage = true, Timeout = 10_000 });
        }
        catch (Exception exception) when (exception is TimeoutException or PlaywrightException)
        {
            await File.WriteAllTextAsync(Path.Combine(Folder, name + ".txt"), "No screenshot: " + exception.Message);
        }
    }
}
