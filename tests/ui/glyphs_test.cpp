// Colour emoji and glyphs on demand (ui/text/glyphs.h), in a headless context:
// every cluster becomes one glyph, drawn into the atlas, and text boxes give
// back the bytes they were given.
#include "guarded_text.h"
#include "headless.h"
#include "fonts.h"
#include "preferences.h"
#include "text/glyphs.h"
#include "text/rasterizer.h"
#include "../model/test_support.h"

#include <catch2/catch.hpp>
#include <stb_image_write.h>

#include <chrono>
#include <cstdio>
#include <cstring>
#include <set>

using namespace hearth;

namespace {

// The emoji of the issue, each what a person sees as one character.
const char* const kSmile = "\xF0\x9F\x98\x8A";                                        // 😊
const char* const kSunflower = "\xF0\x9F\x8C\xBB";                                    // 🌻
const char* const kCouple = "\xF0\x9F\x91\xA9\xE2\x80\x8D\xE2\x9D\xA4\xEF\xB8\x8F\xE2\x80\x8D\xF0\x9F\x91\xA8";  // 👩‍❤️‍👨
const char* const kFlagFr = "\xF0\x9F\x87\xAB\xF0\x9F\x87\xB7";                       // 🇫🇷
const char* const kKeycap1 = "1\xEF\xB8\x8F\xE2\x83\xA3";                             // 1️⃣
const char* const kRedHeart = "\xE2\x9D\xA4\xEF\xB8\x8F";                             // ❤️
const char* const kThumbsMedium = "\xF0\x9F\x91\x8D\xF0\x9F\x8F\xBD";                 // 👍🏽

std::vector<char32_t> codepoints(const char* s) {
    std::vector<char32_t> out;
    std::string_view v(s);
    for (std::size_t i = 0; i < v.size();) {
        char32_t cp = 0;
        std::size_t n = decode_utf8(v, i, cp);
        REQUIRE(n > 0);
        out.push_back(cp);
        i += n;
    }
    return out;
}

bool is_placeholder(char32_t c) { return c >= 0xE000 && c <= 0xF8FF; }

const ImFontGlyph* glyph(char32_t cp) { return ImGui::GetFont()->FindGlyphNoFallback(ImWchar(cp)); }

// Distinct colours among the opaque pixels of a drawn glyph in the CPU atlas
// (a glyph tinted by the text colour is white in the atlas: one colour).
int distinct_colours(const ImFontGlyph* g) {
    ImFontAtlas* atlas = ImGui::GetIO().Fonts;
    REQUIRE(atlas->TexPixelsRGBA32);
    int x0 = int(g->U0 * float(atlas->TexWidth) + 0.5f), x1 = int(g->U1 * float(atlas->TexWidth) + 0.5f);
    int y0 = int(g->V0 * float(atlas->TexHeight) + 0.5f), y1 = int(g->V1 * float(atlas->TexHeight) + 0.5f);
    std::set<unsigned> colours;
    for (int y = y0; y < y1; ++y)
        for (int x = x0; x < x1; ++x) {
            unsigned p = atlas->TexPixelsRGBA32[y * atlas->TexWidth + x];
            if ((p >> 24) > 200) colours.insert(p & 0xFFFFFF);
        }
    return int(colours.size());
}

} // namespace

TEST_CASE("Clusters are what a person sees as one character", "[ui][unicode]") {
    for (const char* s : {kSmile, kCouple, kFlagFr, kKeycap1, kRedHeart, kThumbsMedium, "e\xCC\x81"})
        CHECK(cluster_end(s, 0) == std::strlen(s));
    std::string two_flags = std::string(kFlagFr) + kFlagFr;
    CHECK(cluster_end(two_flags, 0) == std::strlen(kFlagFr));
    CHECK(cluster_end("ab", 0) == 1);
    CHECK(cluster_end("\r\n", 0) == 1);
}

TEST_CASE("Each emoji sequence is drawn as one colour glyph at the text's size", "[ui][unicode]") {
    test::TestModel t;
    test::Headless h(t.model.settings);
    REQUIRE(ui::text::Rasterizer::instance().has_emoji_font());
    const std::string text = std::string("Thanks ") + kSmile + " " + kSunflower + " " + kCouple + " " + kFlagFr + " " +
                             kKeycap1 + " " + kRedHeart + " " + kThumbsMedium + " caf\xC3\xA9";
    const char* drawn = nullptr;
    h.frame([&] {
        ImGui::Begin("w");
        drawn = ui::shown(text);
        ImGui::TextUnformatted(drawn);
        ImGui::End();
    });
    REQUIRE(drawn != text.c_str());
    std::vector<char32_t> cps = codepoints(drawn);
    std::vector<char32_t> placeholders;
    for (char32_t c : cps) {
        CHECK(c < 0x10000);
        CHECK(c != 0xFFFD);
        if (is_placeholder(c)) placeholders.push_back(c);
    }
    // Seven emoji, seven placeholders; "café" is left as it is.
    REQUIRE(placeholders.size() == 7);
    CHECK(std::string(drawn).substr(std::strlen(drawn) - 5) == "caf\xC3\xA9");
    const char* expected[] = {kSmile, kSunflower, kCouple, kFlagFr, kKeycap1, kRedHeart, kThumbsMedium};
    for (std::size_t i = 0; i < 7; ++i) {
        INFO("emoji " << i);
        CHECK(ui::cluster_of(placeholders[i]) == std::string(expected[i]));
        const ImFontGlyph* g = glyph(placeholders[i]);
        REQUIRE(g);
        CHECK(g->Colored);
        CHECK(g->Visible);
        float line = ImGui::GetFont()->FontSize;
        // At the text's size: about a line high, never taller, on the line.
        CHECK(g->Y1 - g->Y0 > line * 0.8f);
        CHECK(g->Y1 - g->Y0 <= line * 1.05f + 1);
        CHECK(g->Y0 >= 0);
        CHECK(g->AdvanceX >= g->X1 - g->X0);
        CHECK(ImGui::GetFont()->GetCharAdvance(ImWchar(placeholders[i])) == g->AdvanceX);
        CHECK(distinct_colours(g) > 8);
    }
    // The same text again: the same mapping, no new glyph.
    int drawn_before = ui::glyph_stats().drawn;
    CHECK(std::strcmp(ui::shown(text), drawn) == 0);
    CHECK(ui::glyph_stats().drawn == drawn_before);
}

TEST_CASE("Plain text the atlas covers is handed over as it is", "[ui][unicode]") {
    test::TestModel t;
    test::Headless h(t.model.settings);
    const std::string plain = "Caf\xC3\xA9 \xE2\x80\x94 \xE2\x80\x9Cquoted\xE2\x80\x9D \xE2\x99\xA5 \xC5\x81\xC3\xB3" "d\xC5\xBA";  // Łódź
    CHECK(ui::shown(plain) == plain.c_str());
    CHECK(ui::shown("ascii only") != nullptr);
    const char* lit = "ascii";
    CHECK(ui::shown(lit) == lit);
    // A piece of a string (the first line of an entry) maps that piece only.
    std::string two_lines = std::string("Sun ") + kSunflower + "\nsecond";
    std::string_view first = std::string_view(two_lines).substr(0, two_lines.find('\n'));
    std::string_view piece = ui::shown(first);
    CHECK(piece.find('\n') == std::string_view::npos);
    CHECK(piece.substr(0, 4) == "Sun ");
    CHECK(codepoints(std::string(piece).c_str()).size() == 5);
    std::string_view plain_piece = std::string_view(plain).substr(0, 5);
    CHECK(ui::shown(plain_piece).data() == plain.data());
}

TEST_CASE("Greek, Cyrillic, Vietnamese and Romanian letters are drawn on demand from the text font, never as boxes", "[ui][unicode]") {
    test::TestModel t;
    test::Headless h(t.model.settings);
    // Not built into the atlas at start (it stays small): each letter gets a
    // reserved rect the first time it is shown.
    const std::string words[] = {"\xD0\x9F\xD1\x80\xD0\xB8\xD0\xB2\xD0\xB5\xD1\x82",  // Привет
                                 "\xCE\xB3\xCE\xB5\xCE\xB9\xCE\xAC",                  // γειά
                                 "Ti\xE1\xBA\xBFng Vi\xE1\xBB\x87t",                    // Tiếng Việt
                                 "\xC8\x98tiin\xC8\x9B\xC4\x83"};                        // Știință: Ș and ț (Latin Extended-B)
    std::vector<std::string> drawn;
    h.frame([&] {
        ImGui::Begin("w");
        for (const auto& w : words) {
            drawn.emplace_back(ui::shown(w));
            ImGui::TextUnformatted(drawn.back().c_str());
        }
        ImGui::End();
    });
    h.frame([&] {});
    int drawn_on_demand = 0;
    for (const auto& d : drawn)
        for (char32_t cp : codepoints(d.c_str())) {
            if (cp < 0x80 || cp == 0x0103) continue;  // ASCII and ă (Latin Extended-A) are built in
            REQUIRE(is_placeholder(cp));
            ++drawn_on_demand;
            const ImFontGlyph* g = glyph(cp);
            REQUIRE(g);
            CHECK(g->Visible);
            CHECK_FALSE(g->Colored);
            CHECK(distinct_colours(g) == 1);
        }
    CHECK(drawn_on_demand == 6 + 4 + 2 + 2);  // Привет, γειά, ế and ệ, Ș and ț (ă is built in)
    CHECK(ui::glyph_stats().boxes == 0);
}

TEST_CASE("Other scripts come from another installed font; nothing covered is a box, never U+FFFD", "[ui][unicode]") {
    test::TestModel t;
    test::Headless h(t.model.settings);
    // Hebrew alef is in DejaVu Sans but not in the loaded ranges: drawn from
    // the font fontconfig finds, tinted like text.
    const std::string alef = "\xD7\x90";
    // U+10FFFD (supplementary private use plane B): no font covers it.
    const std::string nothing = "\xF4\x8F\xBF\xBD";
    const char* a = nullptr;
    const char* b = nullptr;
    h.frame([&] {
        ImGui::Begin("w");
        a = ui::shown(alef);
        b = ui::shown(nothing);
        ImGui::TextUnformatted(a);
        ImGui::TextUnformatted(b);
        ImGui::End();
    });
    auto ca = codepoints(a), cb = codepoints(b);
    REQUIRE(ca.size() == 1);
    REQUIRE(cb.size() == 1);
    REQUIRE(is_placeholder(ca[0]));
    REQUIRE(is_placeholder(cb[0]));
    const ImFontGlyph* ga = glyph(ca[0]);
    const ImFontGlyph* gb = glyph(cb[0]);
    REQUIRE(ga);
    REQUIRE(gb);
    CHECK_FALSE(ga->Colored);
    CHECK(ga->Visible);
    CHECK(distinct_colours(ga) == 1);
    CHECK_FALSE(gb->Colored);
    CHECK(gb->Visible);
    CHECK(ui::glyph_stats().boxes >= 1);
}

TEST_CASE("More new characters than reserved glyphs: the atlas grows on the next build", "[ui][unicode]") {
    test::TestModel t;
    test::Headless h(t.model.settings);
    int slots = ui::glyph_stats().slots;
    REQUIRE(slots > 0);
    // Mathematical bold letters (U+1D400..): one new cluster each.
    std::vector<std::string> letters;
    for (int i = 0; i < slots + 8; ++i) {
        letters.emplace_back();
        append_utf8(letters.back(), char32_t(0x1D400 + i));
    }
    std::string text;
    for (const auto& l : letters) text += l;
    h.frame([&] { ImGui::TextUnformatted(ui::shown(text)); });
    CHECK(ui::atlas_needs_rebuild());
    ui::apply_preferences(t.model.settings, 1.0f, HEARTH_TEST_FONT);  // what the app does before the next frame
    CHECK_FALSE(ui::atlas_needs_rebuild());
    CHECK(ui::glyph_stats().slots > slots);
    const char* mapped = nullptr;
    h.frame([&] { ImGui::TextUnformatted(mapped = ui::shown(text)); });
    CHECK_FALSE(ui::atlas_needs_rebuild());
    for (char32_t c : codepoints(mapped)) {
        REQUIRE(is_placeholder(c));
        const ImFontGlyph* g = glyph(c);
        REQUIRE(g);
        CHECK(g->Visible);
    }
}

TEST_CASE("Broken bytes are drawn as a box, not U+FFFD", "[ui][unicode]") {
    test::TestModel t;
    test::Headless h(t.model.settings);
    const ImFont* body = ImGui::GetIO().Fonts->Fonts[0];
    CHECK(body->FallbackChar == 0x25A1);
    CHECK(body->FindGlyphNoFallback(0xFFFD) == nullptr);
    std::string broken = "ok \xC3 there";
    CHECK(std::string(ui::shown(broken)) == broken);
}

TEST_CASE("A text box shows emoji as glyphs and saves the bytes it was given", "[ui][unicode]") {
    test::TestModel t;
    test::Headless h(t.model.settings);
    const std::string original = std::string("Us ") + kCouple + " in " + kFlagFr + " " + kRedHeart + " " + kKeycap1 +
                                 " " + kThumbsMedium + " " + kSmile + kSunflower + " caf\xC3\xA9";
    ui::GuardedText field;
    REQUIRE(field.load(original));
    auto draw = test::in_focused_window([&] { field.multiline("##t", ImVec2(500, 100)); });
    h.frame(draw);
    h.frame(draw);
    h.frame(draw);
    REQUIRE(ImGui::GetIO().WantTextInput);
    CHECK(field.value() == original);
    // The box edits the same code points shown() draws: one per emoji.
    std::string mapped = ui::shown(original);
    std::vector<char32_t> cps = codepoints(mapped.c_str());
    int placeholders = 0;
    for (char32_t c : cps) {
        if (!is_placeholder(c)) continue;
        ++placeholders;
        const ImFontGlyph* g = glyph(c);
        REQUIRE(g);
        CHECK(g->Visible);
        CHECK(g->Colored);
    }
    CHECK(placeholders == 7);
    // Typing after the emoji keeps every byte.
    ImGui::GetIO().KeysDown[269] = true;  // End
    h.frame(draw);
    ImGui::GetIO().KeysDown[269] = false;
    h.type(" ok");
    h.type_codepoint(0x1F495);  // 💕 typed
    h.frame(draw);
    h.frame(draw);
    CHECK(field.value() == original + " ok\xF0\x9F\x92\x95");
}

TEST_CASE("One new emoji is drawn in well under a frame", "[ui][unicode][.benchmark]") {
    // Not asserted (the machine is shared): prints the figure for the note.
    test::TestModel t;
    test::Headless h(t.model.settings);
    const char* fresh[] = {"\xF0\x9F\xA6\x8A", "\xF0\x9F\x8E\x89", "\xF0\x9F\x8D\x95", "\xF0\x9F\x8C\x88"};
    double worst = 0, total = 0;
    h.frame([&] {
        for (const char* e : fresh) {
            auto t0 = std::chrono::steady_clock::now();
            ImGui::TextUnformatted(ui::shown(e));
            double ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count();
            worst = std::max(worst, ms);
            total += ms;
        }
    });
    std::printf("new emoji glyph (3 font sizes): mean %.2f ms, worst %.2f ms\n", total / 4, worst);
}

TEST_CASE("On a HiDPI screen emoji are drawn at the scaled text size, from the large strike", "[ui][unicode]") {
    test::TestModel t;
    test::Headless h(t.model.settings);
    ui::apply_preferences(t.model.settings, 2.0f, HEARTH_TEST_FONT);  // content scale 2
    const char* mapped = nullptr;
    h.frame([&] {
        ImGui::Begin("w");
        ImGui::TextUnformatted(mapped = ui::shown(std::string(kSunflower)));
        ImGui::End();
    });
    auto cps = codepoints(mapped);
    REQUIRE(cps.size() == 1);
    const ImFontGlyph* g = glyph(cps[0]);
    REQUIRE(g);
    float line = ImGui::GetFont()->FontSize;
    CHECK(line > 30);
    CHECK(g->Y1 - g->Y0 > line * 0.8f);
    CHECK(g->Y1 - g->Y0 <= line * 1.05f + 1);
    CHECK(distinct_colours(g) > 50);
}

// Not run by ctest: writes the glyphs of the couple, the flag and ❤️ at content
// scale 2 (on the theme's background) to emoji-glyphs-2x.png, to look at.
TEST_CASE("Look at the emoji glyphs at content scale 2", "[.look]") {
    test::TestModel t;
    test::Headless h(t.model.settings);
    ui::apply_preferences(t.model.settings, 2.0f, HEARTH_TEST_FONT);
    const std::string text = std::string(kCouple) + kFlagFr + kRedHeart + kSmile + kSunflower + kKeycap1 + kThumbsMedium;
    const char* mapped = nullptr;
    h.frame([&] { ImGui::TextUnformatted(mapped = ui::shown(text)); });
    ImFontAtlas* atlas = ImGui::GetIO().Fonts;
    std::vector<unsigned char> out;
    int W = 0, H = int(ImGui::GetFont()->FontSize) + 4;
    auto cps = codepoints(mapped);
    for (char32_t c : cps) W += int(glyph(c)->AdvanceX) + 2;
    out.assign(std::size_t(W * H * 3), 0xF5);
    int pen = 0;
    for (char32_t c : cps) {
        const ImFontGlyph* g = glyph(c);
        int u0 = int(g->U0 * float(atlas->TexWidth) + 0.5f), v0 = int(g->V0 * float(atlas->TexHeight) + 0.5f);
        for (int y = 0; y < int(g->Y1 - g->Y0); ++y)
            for (int x = 0; x < int(g->X1 - g->X0); ++x) {
                unsigned p = atlas->TexPixelsRGBA32[(v0 + y) * atlas->TexWidth + u0 + x];
                float a = float(p >> 24) / 255.f;
                int ox = pen + int(g->X0) + x, oy = 2 + int(g->Y0) + y;
                if (ox >= W || oy >= H) continue;
                for (int k = 0; k < 3; ++k) {
                    unsigned char& d = out[std::size_t((oy * W + ox) * 3 + k)];
                    d = (unsigned char)(float((p >> (8 * k)) & 0xFF) * a + float(d) * (1 - a));
                }
            }
        pen += int(g->AdvanceX) + 2;
    }
    CHECK(stbi_write_png("emoji-glyphs-2x.png", W, H, 3, out.data(), W * 3));
}

TEST_CASE("Print the atlas size", "[.look]") {
    test::TestModel t;
    test::Headless h(t.model.settings);
    std::printf("atlas %dx%d, %d slots per font\n", ImGui::GetIO().Fonts->TexWidth, ImGui::GetIO().Fonts->TexHeight, ui::glyph_stats().slots);
}

TEST_CASE("Typing the parts of an emoji sequence makes one glyph of them", "[ui][unicode]") {
    test::TestModel t;
    test::Headless h(t.model.settings);
    ui::GuardedText field;
    field.clear();
    auto draw = test::in_focused_window([&] { field.single_line("##t", "hint"); });
    h.frame(draw);
    h.frame(draw);
    h.frame(draw);
    REQUIRE(ImGui::GetIO().WantTextInput);
    auto glyphs_in_box = [&] { return codepoints(field.edited().c_str()).size(); };
    SECTION("a thumb, then its skin tone on the next frame") {
        h.type("ok ");
        h.frame(draw);
        h.type_codepoint(0x1F44D);
        h.frame(draw);
        h.type_codepoint(0x1F3FD);
        h.frame(draw);
        h.frame(draw);
        CHECK(field.value() == std::string("ok ") + kThumbsMedium);
        CHECK(glyphs_in_box() == 4);
    }
    SECTION("a couple typed as its six code points in one frame, as an input method sends it") {
        for (char32_t c : codepoints(kCouple)) h.type_codepoint(c);
        h.type_codepoint('!');
        h.frame(draw);
        h.frame(draw);
        CHECK(field.value() == std::string(kCouple) + "!");
        CHECK(glyphs_in_box() == 2);
    }
    SECTION("a keycap after its digit, a flag and a heart with VS16") {
        h.type_codepoint('1');
        h.frame(draw);
        h.type_codepoint(0xFE0F);
        h.type_codepoint(0x20E3);
        h.frame(draw);
        for (char32_t c : codepoints(kFlagFr)) {
            h.type_codepoint(c);
            h.frame(draw);
        }
        h.type_codepoint(0x2764);
        h.frame(draw);
        h.type_codepoint(0xFE0F);
        h.frame(draw);
        h.type_codepoint(0xE9);  // é, drawn by the base font as it is
        h.frame(draw);
        h.frame(draw);
        CHECK(field.value() == std::string(kKeycap1) + kFlagFr + kRedHeart + "\xC3\xA9");
        CHECK(glyphs_in_box() == 4);
        for (char32_t c : codepoints(field.edited().c_str()))
            if (is_placeholder(c)) {
                const ImFontGlyph* g = glyph(c);
                REQUIRE(g);
                CHECK(g->Colored);
            }
    }
}

TEST_CASE("Many new emoji at once are drawn over the next frames, not in one long frame", "[ui][unicode]") {
    test::TestModel t;
    test::Headless h(t.model.settings);
    ui::set_glyph_time_budget(0.001);  // one glyph per frame
    const std::string text = "\xF0\x9F\xA6\x94\xF0\x9F\xA6\x9C\xF0\x9F\xA6\xA9";  // 🦔🦜🦩
    const char* mapped = nullptr;
    auto draw = [&] { ImGui::TextUnformatted(mapped = ui::shown(text)); };
    auto visible = [&] {
        int n = 0;
        for (char32_t c : codepoints(mapped)) n += glyph(c) && glyph(c)->Visible;
        return n;
    };
    h.frame(draw);
    CHECK(visible() == 1);
    CHECK(ui::glyphs_waiting());
    h.frame(draw);
    CHECK(ui::glyphs_waiting());  // the app draws another frame each time
    h.frame(draw);
    CHECK_FALSE(ui::glyphs_waiting());
    CHECK(visible() == 3);
    ui::set_glyph_time_budget(0);
}

TEST_CASE("The display font keeps rects for the first clusters only; the text fonts for all", "[ui][unicode]") {
    test::TestModel t;
    test::Headless h(t.model.settings);
    const auto& f = ui::fonts();
    int slots = ui::glyph_stats().slots;
    auto rects = [](const ImFont* font) {
        int n = 0;
        for (const ImFontGlyph& g : font->Glyphs) n += g.Codepoint >= 0xE000 && g.Codepoint <= 0xF8FF;
        return n;
    };
    CHECK(rects(f.body) == slots);
    CHECK(rects(f.heading) == slots);
    CHECK(rects(f.display) == std::min(slots, ui::kLargeFontSlots));
}
