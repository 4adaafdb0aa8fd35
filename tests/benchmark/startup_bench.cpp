// Start-up and memory of Hearth against the bare Dear ImGui window
// (bare_window.cpp), measured side by side in one run: the two programs
// alternate N times on the same display (run under xvfb-run -a). Prints every
// run, the medians and the ratios; asserts nothing (README, "Benchmark").
//
//   first frame  from just before posix_spawn (the harness's CLOCK_MONOTONIC)
//                to the moment the program's first glfwSwapBuffers has
//                returned with its window shown (the program prints its own
//                CLOCK_MONOTONIC then, asked by HEARTH_REPORT_FIRST_FRAME)
//   settled RSS  /proc/PID/status VmRSS after 1.5 s with nothing moving
//   peak         VmHWM at that moment (the high-water mark since exec)
//
// Hearth opens the demo couple written to a plain database file (--db), as a
// user's own data would be: no --demo, which builds the data in memory first.
// Each run is the first start of a day: the day's backup is taken (on its own
// thread, once the first frames are drawn) before the memory is read.
//
//   startup_bench [runs] [hearth binary] [bare window binary]
#include "demo_cards.h"
#include "demo_data.h"
#include "hearth_model.h"

#include <signal.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <filesystem>
#include <fstream>
#include <string>
#include <thread>
#include <vector>

extern char** environ;

using namespace hearth;
namespace fs = std::filesystem;

namespace {

double now_ms() {
    timespec ts{};
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return double(ts.tv_sec) * 1e3 + double(ts.tv_nsec) / 1e6;
}

double median(std::vector<double> v) {
    std::sort(v.begin(), v.end());
    return v.empty() ? 0 : v.size() % 2 ? v[v.size() / 2] : (v[v.size() / 2 - 1] + v[v.size() / 2]) / 2;
}

// kB from a "Name:   123 kB" line of /proc/PID/status, as MiB.
double status_mib(pid_t pid, const std::string& name) {
    std::ifstream f("/proc/" + std::to_string(pid) + "/status");
    std::string line;
    while (std::getline(f, line))
        if (line.rfind(name + ":", 0) == 0) return std::stod(line.substr(name.size() + 1)) / 1024.0;
    return -1;
}

struct Run {
    double first_frame_ms = -1;
    double rss_mib = -1;
    double peak_mib = -1;
};

Run measure(const std::vector<std::string>& args, const std::vector<std::string>& extra_env) {
    std::vector<char*> argv;
    for (const auto& a : args) argv.push_back(const_cast<char*>(a.c_str()));
    argv.push_back(nullptr);
    std::vector<std::string> env_store(extra_env);
    for (char** e = environ; *e; ++e) env_store.emplace_back(*e);
    std::vector<char*> envp;
    for (auto& e : env_store) envp.push_back(e.data());
    envp.push_back(nullptr);
    int out[2];
    Run r;
    if (pipe(out) != 0) return r;
    posix_spawn_file_actions_t fa;
    posix_spawn_file_actions_init(&fa);
    posix_spawn_file_actions_adddup2(&fa, out[1], 1);
    posix_spawn_file_actions_addclose(&fa, out[0]);
    pid_t pid;
    double start = now_ms();
    int spawned = posix_spawn(&pid, argv[0], &fa, nullptr, argv.data(), envp.data());
    posix_spawn_file_actions_destroy(&fa);
    close(out[1]);
    if (spawned != 0) {
        close(out[0]);
        return r;
    }
    std::string text;
    char buf[256];
    const std::string tag = "first-frame-monotonic-ns ";
    ssize_t n;
    while (text.find('\n', text.find(tag) == std::string::npos ? text.size() : text.find(tag)) == std::string::npos &&
           (n = read(out[0], buf, sizeof buf)) > 0)
        text.append(buf, std::size_t(n));
    auto pos = text.find(tag);
    if (pos != std::string::npos) {
        r.first_frame_ms = std::stod(text.substr(pos + tag.size())) / 1e6 - start;
        std::this_thread::sleep_for(std::chrono::milliseconds(1500));
        r.rss_mib = status_mib(pid, "VmRSS");
        r.peak_mib = status_mib(pid, "VmHWM");
    }
    kill(pid, SIGTERM);
    int status = 0;
    waitpid(pid, &status, 0);
    close(out[0]);
    return r;
}

} // namespace

int main(int argc, char** argv) {
    if (!std::getenv("DISPLAY")) {
        std::fprintf(stderr, "startup_bench needs a display: xvfb-run -a -s '-screen 0 1920x1200x24' %s\n", argv[0]);
        return 77;
    }
    const int runs = argc > 1 ? std::max(1, std::atoi(argv[1])) : 10;
    const std::string hearth = argc > 2 ? argv[2] : HEARTH_BINARY;
    const std::string bare = argc > 3 ? argv[3] : BARE_WINDOW_BINARY;

    fs::path dir = fs::temp_directory_path() / ("hearth-startup-" + std::to_string(getpid()));
    fs::create_directories(dir);
    fs::path db = dir / "hearth.db";
    {
        SystemClock clock;
        Model m(Database::open_file(db), clock, HEARTH_TEST_ASSETS_DIR);
        fill_demo_data(m);
        add_demo_cards(m);
    }
    const std::vector<std::string> env{"HEARTH_REPORT_FIRST_FRAME=1", "XDG_DATA_HOME=" + dir.string()};
    const std::vector<std::string> hearth_args{hearth, "--db", db.string()};
    const std::vector<std::string> bare_args{bare};

    // One of each first, not counted: the files in the page cache, Hearth's
    // state beside the database written once.
    measure(hearth_args, env);
    measure(bare_args, env);

    std::printf("Start-up and memory: %s vs %s, %d runs each, alternating\n", hearth.c_str(), bare.c_str(), runs);
    std::printf("  run   first frame ms (H / bare)   settled RSS MiB (H / bare)   peak MiB (H / bare)\n");
    std::vector<double> hf, bf, hr, br, hp, bp;
    for (int i = 0; i < runs; ++i) {
        std::error_code gone;
        fs::remove_all(snapshot_folder_for(db), gone);  // the first start of a day: it takes the day's backup
        Run h = measure(hearth_args, env);
        Run b = measure(bare_args, env);
        std::printf("  %3d   %8.1f / %-8.1f          %7.1f / %-7.1f             %6.1f / %-6.1f\n", i + 1, h.first_frame_ms,
                    b.first_frame_ms, h.rss_mib, b.rss_mib, h.peak_mib, b.peak_mib);
        if (h.first_frame_ms < 0 || b.first_frame_ms < 0) continue;
        hf.push_back(h.first_frame_ms); bf.push_back(b.first_frame_ms);
        hr.push_back(h.rss_mib); br.push_back(b.rss_mib);
        hp.push_back(h.peak_mib); bp.push_back(b.peak_mib);
    }
    std::error_code ec;
    fs::remove_all(dir, ec);
    if (hf.empty()) {
        std::printf("  no run reached a first frame\n");
        return 1;
    }
    std::printf("  median          Hearth     bare   ratio   target\n");
    std::printf("  first frame  %7.1f ms %7.1f ms  %5.2fx   <= 1.2x\n", median(hf), median(bf), median(hf) / median(bf));
    std::printf("  settled RSS  %6.1f MiB %6.1f MiB %5.2fx   <= 1.1x\n", median(hr), median(br), median(hr) / median(br));
    std::printf("  peak (HWM)   %6.1f MiB %6.1f MiB %5.2fx\n", median(hp), median(bp), median(hp) / median(bp));
    return 0;
}
