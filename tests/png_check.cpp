// Checks a screenshot: the expected size, and not blank (many distinct colours);
// with "light" or "dark", also which theme it is in (the mean brightness).
#include <stb_image.h>

#include <cstdio>
#include <cstdlib>
#include <algorithm>
#include <set>
#include <string>

int main(int argc, char** argv) {
    const std::string theme = argc == 5 ? argv[4] : "";
    if ((argc != 4 && argc != 5) || (argc == 5 && theme != "light" && theme != "dark")) {
        std::fprintf(stderr, "usage: png_check FILE WIDTH HEIGHT [light|dark]\n");
        return 2;
    }
    int w = 0, h = 0, n = 0;
    unsigned char* px = stbi_load(argv[1], &w, &h, &n, 3);
    if (!px) {
        std::fprintf(stderr, "cannot read %s: %s\n", argv[1], stbi_failure_reason());
        return 1;
    }
    int want_w = std::atoi(argv[2]), want_h = std::atoi(argv[3]);
    std::set<unsigned> colours;
    double brightness = 0;  // mean of (r + g + b) / 3, 0..255
    for (int i = 0; i < w * h; ++i) {
        colours.insert(unsigned(px[i * 3]) << 16 | unsigned(px[i * 3 + 1]) << 8 | px[i * 3 + 2]);
        brightness += (px[i * 3] + px[i * 3 + 1] + px[i * 3 + 2]) / 3.0;
    }
    brightness /= std::max(1, w * h);
    stbi_image_free(px);
    std::printf("%s: %dx%d, %zu distinct colours, mean brightness %.0f\n", argv[1], w, h, colours.size(), brightness);
    if (theme == "dark" && brightness > 100) {
        std::fprintf(stderr, "expected the dark theme, but the picture is bright\n");
        return 1;
    }
    if (theme == "light" && brightness < 150) {
        std::fprintf(stderr, "expected the light theme, but the picture is dark\n");
        return 1;
    }
    if (w != want_w || h != want_h) {
        std::fprintf(stderr, "expected %dx%d\n", want_w, want_h);
        return 1;
    }
    // A blank or single-colour frame has a handful; text and cards have hundreds.
    if (colours.size() < 50) {
        std::fprintf(stderr, "the screenshot looks blank\n");
        return 1;
    }
    return 0;
}
