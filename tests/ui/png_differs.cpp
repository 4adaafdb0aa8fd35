// Checks that two screenshots of the same size differ in a band of rows (from
// TOP to BOTTOM, as fractions of the height) in at least MIN pixels: the window
// test uses it to see the database-problem bar appear along the bottom.
#include <stb_image.h>

#include <cstdio>
#include <cstdlib>
#include <cstring>

int main(int argc, char** argv) {
    if (argc != 6) {
        std::fprintf(stderr, "usage: png_differs A.png B.png TOP BOTTOM MIN\n");
        return 2;
    }
    int w1, h1, w2, h2, n;
    unsigned char* a = stbi_load(argv[1], &w1, &h1, &n, 3);
    unsigned char* b = stbi_load(argv[2], &w2, &h2, &n, 3);
    if (!a || !b || w1 != w2 || h1 != h2) {
        std::fprintf(stderr, "cannot compare %s and %s\n", argv[1], argv[2]);
        return 1;
    }
    int top = int(std::atof(argv[3]) * h1), bottom = int(std::atof(argv[4]) * h1);
    long differing = 0;
    for (int y = top; y < bottom && y < h1; ++y)
        for (int x = 0; x < w1; ++x)
            if (std::memcmp(a + (std::size_t(y) * w1 + x) * 3, b + (std::size_t(y) * w1 + x) * 3, 3) != 0) ++differing;
    stbi_image_free(a);
    stbi_image_free(b);
    std::printf("%ld pixels differ in rows %d..%d\n", differing, top, bottom);
    return differing >= std::atol(argv[5]) ? 0 : 1;
}
