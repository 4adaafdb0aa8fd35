// Counts the saturated yellow, orange and green pixels in a screenshot (what
// colour emoji like 😊 and 🌻 add; text and the theme's greys add none), and
// checks that a screenshot has at least MIN more of them than a baseline
// screenshot of the same screen without the emoji.
// Usage: colour_check WITH.png WITHOUT.png MIN
#include <stb_image.h>

#include <algorithm>
#include <cstdio>
#include <cstdlib>

namespace {
long coloured(const char* path) {
    int w = 0, h = 0, n = 0;
    unsigned char* px = stbi_load(path, &w, &h, &n, 3);
    if (!px) {
        std::fprintf(stderr, "cannot read %s: %s\n", path, stbi_failure_reason());
        std::exit(1);
    }
    long count = 0;
    for (long i = 0; i < long(w) * h; ++i) {
        int r = px[i * 3], g = px[i * 3 + 1], b = px[i * 3 + 2];
        int mx = std::max({r, g, b}), mn = std::min({r, g, b});
        if (mx < 120 || mx - mn < 100) continue;  // dark or greyish
        // Hue in degrees: yellow/orange is 20..70, green 70..160.
        float d = float(mx - mn), hue;
        if (mx == r) hue = 60.f * float(g - b) / d;
        else if (mx == g) hue = 60.f * (2.f + float(b - r) / d);
        else hue = 60.f * (4.f + float(r - g) / d);
        if (hue < 0) hue += 360.f;
        if (hue >= 20.f && hue <= 160.f) ++count;
    }
    stbi_image_free(px);
    return count;
}
} // namespace

int main(int argc, char** argv) {
    if (argc != 4) {
        std::fprintf(stderr, "usage: colour_check WITH.png WITHOUT.png MIN\n");
        return 2;
    }
    long with = coloured(argv[1]), without = coloured(argv[2]);
    long min = std::atol(argv[3]);
    std::printf("saturated yellow/orange/green pixels: %ld with the emoji, %ld without (need %ld more)\n", with, without, min);
    return with - without >= min ? 0 : 1;
}
