// The smallest honest Dear ImGui window, the yardstick of Hearth's start-up and
// memory (tests/benchmark/startup_bench.cpp): the same packages and backends
// (GLFW, OpenGL 3.3 core, imgui_impl_glfw, imgui_impl_opengl3, ImGui's own
// font), 20 rows of text, idling in glfwWaitEvents. Not part of Hearth.
//
// With HEARTH_REPORT_FIRST_FRAME set it prints, as Hearth does,
// "first-frame-monotonic-ns N" (CLOCK_MONOTONIC) once its first glfwSwapBuffers
// has returned with the window shown.
#include <imgui.h>
#include <imgui_impl_glfw.h>
#include <imgui_impl_opengl3.h>
#define GLFW_INCLUDE_NONE
#include <GLFW/glfw3.h>
#include <GL/gl.h>

#include <cstdio>
#include <cstdlib>
#include <ctime>

int main() {
    if (!glfwInit()) return 1;
    glfwWindowHint(GLFW_CONTEXT_VERSION_MAJOR, 3);
    glfwWindowHint(GLFW_CONTEXT_VERSION_MINOR, 3);
    glfwWindowHint(GLFW_OPENGL_PROFILE, GLFW_OPENGL_CORE_PROFILE);
    glfwWindowHint(GLFW_OPENGL_FORWARD_COMPAT, GLFW_TRUE);
    GLFWwindow* win = glfwCreateWindow(1180, 760, "Bare window", nullptr, nullptr);
    if (!win) return 1;
    glfwMakeContextCurrent(win);
    glfwSwapInterval(1);
    ImGui::CreateContext();
    ImGui::GetIO().IniFilename = nullptr;
    ImGui_ImplGlfw_InitForOpenGL(win, true);
    ImGui_ImplOpenGL3_Init("#version 330 core");
    const bool report = std::getenv("HEARTH_REPORT_FIRST_FRAME") != nullptr;
    bool first = true;
    while (!glfwWindowShouldClose(win)) {
        if (!first) glfwWaitEvents();
        ImGui_ImplOpenGL3_NewFrame();
        ImGui_ImplGlfw_NewFrame();
        ImGui::NewFrame();
        ImGui::SetNextWindowPos(ImVec2(0, 0));
        ImGui::SetNextWindowSize(ImGui::GetIO().DisplaySize);
        ImGui::Begin("rows", nullptr, ImGuiWindowFlags_NoDecoration);
        for (int i = 0; i < 20; ++i) ImGui::Text("Row %d: the quick brown fox jumps over the lazy dog", i + 1);
        ImGui::End();
        ImGui::Render();
        int w, h;
        glfwGetFramebufferSize(win, &w, &h);
        glViewport(0, 0, w, h);
        glClearColor(0.1f, 0.1f, 0.1f, 1.f);
        glClear(GL_COLOR_BUFFER_BIT);
        ImGui_ImplOpenGL3_RenderDrawData(ImGui::GetDrawData());
        glfwSwapBuffers(win);
        if (first && report) {
            timespec ts{};
            clock_gettime(CLOCK_MONOTONIC, &ts);
            std::printf("first-frame-monotonic-ns %lld\n", (long long)ts.tv_sec * 1000000000LL + ts.tv_nsec);
            std::fflush(stdout);
        }
        first = false;
    }
    ImGui_ImplOpenGL3_Shutdown();
    ImGui_ImplGlfw_Shutdown();
    ImGui::DestroyContext();
    glfwDestroyWindow(win);
    glfwTerminate();
    return 0;
}
