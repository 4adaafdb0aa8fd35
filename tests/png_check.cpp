// Checks a screenshot: the expected size, and not blank (many distinct colours).
#include <stb_image.h>

#include <cstdio>
#include <cstdlib>
#include <set>

int main(int argc, char** argv) {
    if (argc != 4) {
        std::fprintf(stderr, "usage: png_check FILE WIDTH HEIGHT\n");
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
    for (int i = 0; i < w * h; ++i) colours.insert(unsigned(px[i * 3]) << 16 | unsigned(px[i * 3 + 1]) << 8 | px[i * 3 + 2]);
    stbi_image_free(px);
    std::printf("%s: %dx%d, %zu distinct colours\n", argv[1], w, h, colours.size());
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
