#include "window.h"

#include "queued_input.h"
#include "quit_signals.h"

#include "app_context.h"
#include "db_problem.h"
#include "fonts.h"
#include "guarded_text.h"
#include "preferences.h"
#include "shell.h"
#include "text/glyphs.h"
#include "units.h"

#include <imgui.h>
#include <imgui_impl_glfw.h>
#include <imgui_impl_opengl3.h>
#define GLFW_INCLUDE_NONE
#include <GLFW/glfw3.h>
#include <GL/gl.h>
#include <stb_image_write.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <csignal>
#include <cstdint>
#include <cstdlib>
#include <cstdio>
#include <ctime>
#include <filesystem>
#include <optional>
#include <thread>
#include <vector>
#ifdef __GLIBC__
#include <malloc.h>
#endif

namespace hearth::app {
namespace {

// Frames drawn after input: the first handles the event, the second lets
// layout that depends on last frame's sizes settle (popups, wrapping). A wake-up
// a panel asked for (a countdown's next second) needs one frame.
constexpr int kFramesPerInput = 2;
// While minimised only whole-second changes matter (a break running out).
constexpr double kMinimisedWakeSeconds = 1.0;
constexpr int kScreenshotFrames = 6;
constexpr int kMaxSettlingFrames = 8;

// Characters above U+FFFF go through the focused field's guard (see guarded_text.h).
void char_callback(GLFWwindow* w, unsigned int cp) {
    if (unsigned int routed = ui::route_typed_codepoint(cp)) ImGui_ImplGlfw_CharCallback(w, routed);
}

// For the real-window tests: with HEARTH_TEST_SNAPSHOT=FILE set, SIGUSR1 makes
// the window write FILE with what it shows now, without drawing a frame or
// needing input (a test can check something is drawn before the mouse moves
// again). A watcher thread wakes the loop; glfwPostEmptyEvent is thread-safe,
// unlike anything a signal handler could call. Not documented to users.
std::atomic<int> snapshot_requested{0};
static_assert(std::atomic<int>::is_always_lock_free);
void request_snapshot(int) { snapshot_requested.store(1); }

class SnapshotWaker {
public:
    SnapshotWaker() : thread_([this] {
        while (!stop_.load()) {
            if (snapshot_requested.load() == 1) {
                snapshot_requested.store(2);  // seen; the loop writes the file and clears it
                glfwPostEmptyEvent();
            }
            std::this_thread::sleep_for(std::chrono::milliseconds(20));
        }
    }) {}
    ~SnapshotWaker() {
        stop_.store(true);
        thread_.join();
    }

private:
    std::atomic<bool> stop_{false};
    std::thread thread_;
};

bool content_scale_changed = false;
void content_scale_callback(GLFWwindow*, float, float) { content_scale_changed = true; }

// The frame just drawn (the back buffer), top row first, opaque.
struct Pixels {
    int w = 0, h = 0;
    std::vector<unsigned char> rgba;
};
Pixels read_frame(int w, int h) {
    Pixels p{w, h, std::vector<unsigned char>(std::size_t(w) * std::size_t(h) * 4)};
    std::vector<unsigned char> raw(p.rgba.size());
    glPixelStorei(GL_PACK_ALIGNMENT, 1);
    glReadBuffer(GL_BACK);
    glReadPixels(0, 0, w, h, GL_RGBA, GL_UNSIGNED_BYTE, raw.data());
    // OpenGL's rows run bottom-up; PNG's top-down.
    std::size_t row = std::size_t(w) * 4;
    for (int y = 0; y < h; ++y)
        std::copy_n(&raw[std::size_t(h - 1 - y) * row], row, &p.rgba[std::size_t(y) * row]);
    for (std::size_t i = 3; i < p.rgba.size(); i += 4) p.rgba[i] = 255;
    return p;
}

bool write_png(const std::string& path, const Pixels& p) {
    return stbi_write_png(path.c_str(), p.w, p.h, 4, p.rgba.data(), p.w * 4) != 0;
}

// The size saved by remember_size, within the screen (GLFW must be initialised).
std::pair<int, int> remembered_size(const Settings& settings) {
    int width = settings.get(setting::window_width);
    int height = settings.get(setting::window_height);
    if (const GLFWvidmode* mode = glfwGetVideoMode(glfwGetPrimaryMonitor())) {
        width = std::clamp(width, ui::kMinWindowWidth, std::max(ui::kMinWindowWidth, mode->width));
        height = std::clamp(height, ui::kMinWindowHeight, std::max(ui::kMinWindowHeight, mode->height));
    }
    return {width, height};
}

// Saved as soon as it changes (Settings skips unchanged values), so the size
// survives however Hearth ends.
void remember_size(Settings& settings, GLFWwindow* win) {
    int w, h;
    glfwGetWindowSize(win, &w, &h);
    if (w <= 0 || h <= 0 || glfwGetWindowAttrib(win, GLFW_ICONIFIED) || glfwGetWindowAttrib(win, GLFW_MAXIMIZED)) return;
    settings.set(setting::window_width, w);
    settings.set(setting::window_height, h);
}

// A glyph drawn on demand (text/glyphs.h) reaches the GPU as just its rect.
void upload_atlas_rect(int x, int y, int w, int h, const std::uint32_t* rgba) {
    ImFontAtlas* atlas = ImGui::GetIO().Fonts;
    if (!atlas->TexID) return;
    GLint bound = 0;
    glGetIntegerv(GL_TEXTURE_BINDING_2D, &bound);
    glBindTexture(GL_TEXTURE_2D, GLuint(reinterpret_cast<std::intptr_t>(atlas->TexID)));
    glPixelStorei(GL_UNPACK_ROW_LENGTH, 0);
    glPixelStorei(GL_UNPACK_ALIGNMENT, 4);
    glTexSubImage2D(GL_TEXTURE_2D, 0, x, y, w, h, GL_RGBA, GL_UNSIGNED_BYTE, rgba);
    glBindTexture(GL_TEXTURE_2D, GLuint(bound));
}

// Once the atlas is a GPU texture its CPU copies (8-bit and RGBA) and the
// font files it was built from only cost memory: glyphs drawn later go up as
// their own rects (upload_atlas_rect); a rebuild reads the file again.
void free_atlas_sources() {
    ImGui::GetIO().Fonts->ClearTexData();
    ui::release_font_files();
}

void upload_fonts_texture() {
    ImGui_ImplOpenGL3_DestroyFontsTexture();
    ImGui_ImplOpenGL3_CreateFontsTexture();
    free_atlas_sources();
}

// The snapshot's thread has ended: what it freed stays resident in its own
// malloc arena (megabytes of page cache) until glibc is asked to return it.
void give_back_worker_memory() {
#ifdef __GLIBC__
    malloc_trim(0);
#endif
}

// Dear ImGui 1.86 reads an empty ini file past its end (it takes a size of 0
// for "find the terminator" in a buffer that has none). app::private_file
// creates the file empty and owner-only; until ImGui first saves into it (a
// run killed early never does) it holds one line ImGui skips.
void give_empty_ini_a_line(const char* path) {
    std::error_code ec;
    if (!path || std::filesystem::file_size(path, ec) != 0 || ec) return;
    if (std::FILE* f = std::fopen(path, "a")) {  // appending keeps the owner-only mode
        std::fputs("; Hearth's window layout, kept by Dear ImGui\n", f);
        std::fclose(f);
    }
}

float window_scale(GLFWwindow* win) {
    float x = 1, y = 1;
    glfwGetWindowContentScale(win, &x, &y);
    return std::max(x, y);
}

} // namespace

int run_window(ui::LockableApp& app, const std::function<Model&()>& look, const WindowOptions& opt) {
    auto settings = [&]() -> Settings& { return app.model() ? app.model()->settings : look().settings; };
    glfwSetErrorCallback([](int code, const char* msg) { std::fprintf(stderr, "hearth: window system error %d: %s\n", code, msg); });
    if (!glfwInit()) {
        std::fprintf(stderr, "hearth: cannot open a window (is a display available?)\n");
        return 1;
    }
    std::optional<QuitSignals> quit_signals(std::in_place, [] { glfwPostEmptyEvent(); });
    glfwWindowHint(GLFW_CONTEXT_VERSION_MAJOR, 3);
    glfwWindowHint(GLFW_CONTEXT_VERSION_MINOR, 3);
    glfwWindowHint(GLFW_OPENGL_PROFILE, GLFW_OPENGL_CORE_PROFILE);
    glfwWindowHint(GLFW_OPENGL_FORWARD_COMPAT, GLFW_TRUE);
    glfwWindowHint(GLFW_VISIBLE, GLFW_FALSE);  // shown once the first frame is drawn
    glfwWindowHint(GLFW_SCALE_TO_MONITOR, GLFW_TRUE);

    const bool one_shot = opt.screenshot || opt.measure_startup;
    bool remember = opt.remember_window && !opt.cannot_open;
    auto [width, height] = opt.screenshot ? opt.screenshot_size : remembered_size(settings());
    // Started locked, the couple's remembered size is not readable yet: it is
    // applied once they unlock (before that size could be saved over it).
    bool sized_before_unlock = !app.model() && !one_shot;
    if (opt.screenshot) glfwWindowHint(GLFW_RESIZABLE, GLFW_FALSE);
    GLFWwindow* win = glfwCreateWindow(width, height, "Hearth", nullptr, nullptr);
    if (!win) {
        std::fprintf(stderr, "hearth: cannot create an OpenGL 3.3 window\n");
        quit_signals.reset();
        glfwTerminate();
        return 1;
    }
    glfwMakeContextCurrent(win);
    glfwSwapInterval(1);
    glfwSetWindowSizeLimits(win, ui::kMinWindowWidth, ui::kMinWindowHeight, GLFW_DONT_CARE, GLFW_DONT_CARE);

    IMGUI_CHECKVERSION();
    ImGui::CreateContext();
    ImGuiIO& io = ImGui::GetIO();
    io.IniFilename = opt.remember_window && !opt.cannot_open && !one_shot && !opt.ini_path.empty() ? opt.ini_path.c_str() : nullptr;
    give_empty_ini_a_line(io.IniFilename);
    io.ConfigInputTextCursorBlink = false;  // a steady caret needs no wake-ups
    io.ConfigFlags |= ImGuiConfigFlags_NavEnableKeyboard;
    ImGui_ImplGlfw_InitForOpenGL(win, true);
    std::optional<QueuedInput> input(std::in_place, win, char_callback);
    glfwSetWindowContentScaleCallback(win, content_scale_callback);
    ui::wrap_clipboard(io);
    ImGui_ImplOpenGL3_Init("#version 330 core");
    ui::apply_preferences(settings(), window_scale(win), opt.font_path);
    // The shaders and the font texture now (NewFrame would make them, and
    // would rebuild the atlas to do so once its CPU copy is freed).
    ImGui_ImplOpenGL3_CreateDeviceObjects();
    free_atlas_sources();
    ui::set_atlas_upload(upload_atlas_rect);
    ui::set_glyph_time_budget(8.0);  // many new emoji at once: spread over frames

    const bool report_first_frame = std::getenv("HEARTH_REPORT_FIRST_FRAME") != nullptr;
    const char* snapshot_file = std::getenv("HEARTH_TEST_SNAPSHOT");
    std::optional<SnapshotWaker> snapshot_waker;
    Pixels on_screen;  // with a snapshot file: the frame last shown (front buffers cannot be read back everywhere)
    if (snapshot_file && *snapshot_file) {
        snapshot_waker.emplace();
        std::signal(SIGUSR1, request_snapshot);
    }
    bool look_changed = false;
    app.on_open = [&](ui::LockableApp& a) {
        look_changed = true;  // the couple's own theme and text size, now readable
        if (opt.panel && a.shell()) a.shell()->select(*opt.panel);
    };
    if (opt.panel && app.shell() && !opt.cannot_open && !app.shell()->select(*opt.panel)) {
        std::fprintf(stderr, "hearth: there is no panel \"%s\" (hearth --help lists them)\n", opt.panel->c_str());
        snapshot_waker.reset();
        input.reset();
        ImGui_ImplOpenGL3_Shutdown();
        ImGui_ImplGlfw_Shutdown();
        ImGui::DestroyContext();
        glfwDestroyWindow(win);
        quit_signals.reset();
        glfwTerminate();
        return 2;
    }

    int exit_code = 0;
    int frames = 0;
    int frames_left = kFramesPerInput;
    int settling_frames = 0;
    std::optional<double> wake;
    while (!glfwWindowShouldClose(win)) {
        if (frames_left <= 0) {
            // Sleep until input arrives or a panel's requested time comes
            // (also while minimised: a finished timer must still call).
            if (wake && glfwGetWindowAttrib(win, GLFW_ICONIFIED)) wake = std::max(*wake, kMinimisedWakeSeconds);
            if (wake) {
                double before = glfwGetTime();
                glfwWaitEventsTimeout(std::max(0.001, *wake));
                bool woke_by_input = glfwGetTime() - before < *wake * 0.9;
                frames_left = woke_by_input ? kFramesPerInput : 1;
                if (woke_by_input) settling_frames = 0;
            } else {
                glfwWaitEvents();
                frames_left = kFramesPerInput;
                settling_frames = 0;
            }
        } else {
            glfwPollEvents();
        }
        if (snapshot_waker && snapshot_requested.load() == 2) {
            // Whole or not at all: the test waits for the file to appear.
            const std::string part = std::string(snapshot_file) + ".part";
            if (write_png(part, on_screen)) std::rename(part.c_str(), snapshot_file);
            snapshot_requested.store(0);
        }
        // Today's snapshot finished on its thread: Settings shows it this frame.
        if (Model* m = app.model())
            if (auto r = m->snapshots.poll()) {
                if (!r->ok) std::fprintf(stderr, "hearth: %s\n", r->message.c_str());
                give_back_worker_memory();
            }
        const bool fonts_dirty = app.context() && app.context()->fonts_dirty;
        if (look_changed && sized_before_unlock) {
            auto [w, h] = remembered_size(settings());
            glfwSetWindowSize(win, w, h);
            sized_before_unlock = false;
        }
        if (fonts_dirty || look_changed || content_scale_changed || ui::atlas_needs_rebuild()) {
            ui::apply_preferences(settings(), window_scale(win), opt.font_path);
            upload_fonts_texture();
            if (app.context()) app.context()->fonts_dirty = false;
            look_changed = content_scale_changed = false;
        }
        ImGui_ImplOpenGL3_NewFrame();
        ImGui_ImplGlfw_NewFrame();
        // Each event is handled by a frame of its own and the one after it.
        if (input->feed_frame()) frames_left = std::max(frames_left, kFramesPerInput);
        ImGui::NewFrame();
        if (!opt.cannot_open) app.draw();
        else if (ui::draw_cannot_open(opt.cannot_open->file, opt.cannot_open->message)) glfwSetWindowShouldClose(win, GLFW_TRUE);
        ImGui::Render();
        int fb_w, fb_h;
        glfwGetFramebufferSize(win, &fb_w, &fb_h);
        glViewport(0, 0, fb_w, fb_h);
        ImVec4 bg = ImGui::GetStyle().Colors[ImGuiCol_WindowBg];
        glClearColor(bg.x, bg.y, bg.z, 1.0f);
        glClear(GL_COLOR_BUFFER_BIT);
        ImGui_ImplOpenGL3_RenderDrawData(ImGui::GetDrawData());
        ++frames;
        --frames_left;
        wake = app.take_wake();
        // A popup opened by a click is hidden on its first frame while it
        // measures itself: draw until it shows (bounded per input, so nothing
        // can spin; a window that stays "settling", such as a tooltip hidden
        // by another, must not use up the bound before the click comes).
        settling_frames = ui::frame_still_settling() ? settling_frames + 1 : 0;
        const bool glyphs_pending = ui::glyphs_waiting();
        if (glyphs_pending || (settling_frames > 0 && settling_frames <= kMaxSettlingFrames))
            frames_left = std::max(frames_left, 1);
        if (app.take_attention_request()) glfwRequestWindowAttention(win);
        if (app.take_quit_request() || quit_signals->requested()) glfwSetWindowShouldClose(win, GLFW_TRUE);
        if (opt.lock_at_start && frames == 2) app.lock();

        if (snapshot_waker) on_screen = read_frame(fb_w, fb_h);
        // Not before every new glyph is drawn (they are spread over frames).
        if (opt.screenshot && frames >= kScreenshotFrames && (!glyphs_pending || frames >= 20 * kScreenshotFrames)) {
            if (!write_png(*opt.screenshot, read_frame(fb_w, fb_h))) {
                std::fprintf(stderr, "hearth: cannot write the screenshot %s\n", opt.screenshot->c_str());
                exit_code = 1;
            }
            glfwSetWindowShouldClose(win, GLFW_TRUE);
        }
        glfwSwapBuffers(win);
        if (frames == 1) {
            glfwShowWindow(win);
            // The benchmark's mark (tests/benchmark/startup_bench.cpp): the
            // first frame swapped and the window shown.
            if (opt.measure_startup || report_first_frame) {
                timespec ts{};
                clock_gettime(CLOCK_MONOTONIC, &ts);
                std::printf("first-frame-monotonic-ns %lld\n", (long long)ts.tv_sec * 1000000000LL + ts.tv_nsec);
                std::fflush(stdout);
            }
            if (opt.measure_startup) glfwSetWindowShouldClose(win, GLFW_TRUE);
        }
        // Today's automatic backup: the first time the app would sleep (the
        // first frames drawn, glyphs loaded, nothing moving), on a thread of
        // its own with its own connection, so the window keeps drawing and
        // saving; it wakes the loop when done (polled above). A screenshot run
        // starts it once its PNG is written. Again when the day changes. A
        // failure (full disk, read-only folder) is shown in Settings.
        const bool idle = frames_left <= 0 || (opt.screenshot && frames >= kScreenshotFrames);
        Model* live = app.model();  // none while locked (locking cancels a running one)
        if (idle && live && !opt.measure_startup && !opt.cannot_open && live->snapshots.due())
            live->snapshots.start_daily([] { glfwPostEmptyEvent(); });
        if (live && live->snapshots.enabled()) wake = std::min(wake.value_or(1e9), live->snapshots.seconds_until_due());
        if (input->waiting()) frames_left = std::max(frames_left, 1);
        if (one_shot) frames_left = 1;  // keep drawing until the screenshot is taken
        if (remember && !one_shot && app.model() && !sized_before_unlock) {
            // Not remembering the size (a full disk) is not worth a word.
            try {
                remember_size(app.model()->settings, win);
            } catch (const DbError&) {
            }
        }
    }

    // A snapshot still running is let finish (the day's backup is worth the
    // wait) with the window already gone; its wake-up needs GLFW alive.
    if (Model* m = app.model(); m && m->snapshots.running()) {
        glfwHideWindow(win);
        if (auto r = m->snapshots.wait(); r && !r->ok) std::fprintf(stderr, "hearth: %s\n", r->message.c_str());
    }
    snapshot_waker.reset();  // it calls GLFW
    input.reset();
    ui::set_atlas_upload({});
    ImGui_ImplOpenGL3_Shutdown();
    ImGui_ImplGlfw_Shutdown();
    ImGui::DestroyContext();
    glfwDestroyWindow(win);
    quit_signals.reset();
    glfwTerminate();
    return opt.cannot_open ? 1 : exit_code;
}

} // namespace hearth::app
