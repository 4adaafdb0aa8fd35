#include "db_problem.h"

#include "fonts.h"
#include "theme.h"
#include "units.h"

#include <imgui.h>

#include <algorithm>
#include <cctype>

namespace hearth::ui {
namespace {

// DbError gains SQLite's code on the storage branch; read it when it is there.
template <class E>
int code_of(const E& e) {
    if constexpr (requires { e.code(); }) return e.code();
    else return 0;
}

bool contains(std::string_view text, std::string_view word) {
    auto it = std::search(text.begin(), text.end(), word.begin(), word.end(),
                          [](char a, char b) { return std::tolower((unsigned char)a) == std::tolower((unsigned char)b); });
    return it != text.end();
}

DbProblemKind kind_of(int code, std::string_view msg) {
    switch (code & 0xff) {
    case SQLITE_FULL: return DbProblemKind::disk_full;
    case SQLITE_BUSY:
    case SQLITE_LOCKED: return DbProblemKind::locked;
    case SQLITE_READONLY:
    case SQLITE_CANTOPEN:
    case SQLITE_PERM: return DbProblemKind::read_only;
    default: break;
    }
    if (contains(msg, "disk is full") || contains(msg, "quota")) return DbProblemKind::disk_full;
    if (contains(msg, "database is locked") || contains(msg, "locked for more than") || contains(msg, "table is locked"))
        return DbProblemKind::locked;
    if (contains(msg, "readonly") || contains(msg, "read-only")) return DbProblemKind::read_only;
    if ((code & 0xff) == SQLITE_IOERR || contains(msg, "disk I/O error") || contains(msg, "could not be read or written"))
        return DbProblemKind::io_error;
    return DbProblemKind::other;
}

} // namespace

DbProblem classify(const DbError& e, std::string file) {
    std::string msg = e.what();
    return DbProblem{kind_of(code_of(e), msg), std::move(file), std::move(msg)};
}

std::string DbProblem::headline() const {
    switch (kind) {
    case DbProblemKind::disk_full: return "The disk is full, so this was not saved. What you typed is still here.";
    case DbProblemKind::locked:
        return "Another program is using the database, so this was not saved. What you typed is still here.";
    case DbProblemKind::read_only: return "Hearth may not write to the database, so this was not saved. What you typed is still here.";
    case DbProblemKind::io_error: return "The disk could not be written, so this was not saved. What you typed is still here.";
    case DbProblemKind::other: break;
    }
    return "This was not saved. What you typed is still here.";
}

std::string DbProblem::what_to_do() const {
    switch (kind) {
    case DbProblemKind::disk_full:
        return "Free some space on the disk that holds " + file + ", then try again.";
    case DbProblemKind::locked:
        return "Another program holds " + file + " locked (a backup tool, a sync client, another Hearth?). Close it or wait, then try again.";
    case DbProblemKind::read_only:
        return "Check that " + file + " and its folder can be written to by you, then try again.";
    case DbProblemKind::io_error:
        return "Check that the disk holding " + file + " is still connected and healthy, then try again.";
    case DbProblemKind::other: break;
    }
    return "The database " + file + " said: " + detail;
}

bool draw_cannot_open(std::string_view file, std::string_view message) {
    const ImGuiViewport* vp = ImGui::GetMainViewport();
    ImGui::SetNextWindowPos(vp->WorkPos);
    ImGui::SetNextWindowSize(vp->WorkSize);
    ImGui::Begin("Hearth cannot open its database", nullptr,
                 ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoSavedSettings);
    const float width = std::min(ImGui::GetContentRegionAvail().x, em(40));
    ImGui::SetCursorPos(ImVec2(std::max(em(1), (ImGui::GetWindowWidth() - width) * 0.5f), em(3)));
    ImGui::BeginGroup();
    ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + width);
    ImGui::PushFont(fonts().heading);
    ImGui::TextUnformatted("Hearth cannot open its database");
    ImGui::PopFont();
    ImGui::Spacing();
    ImGui::TextDisabled("The file");
    ImGui::TextUnformatted(file.data(), file.data() + file.size());
    ImGui::Spacing();
    ImGui::TextDisabled("The problem");
    ImGui::TextUnformatted(message.data(), message.data() + message.size());
    ImGui::Spacing();
    ImGui::TextDisabled("What to do");
    ImGui::BulletText("If the disk is full, free some space, then start Hearth again.");
    ImGui::BulletText("Check that you may read and write the file and its folder.");
    ImGui::BulletText("If another Hearth has it open, use that one.");
    ImGui::BulletText("To use another file, start Hearth with --db FILE.");
    ImGui::BulletText("A damaged file can be replaced from a backup (hearth --db NEW.db --import-json BACKUP.json).");
    ImGui::PopTextWrapPos();
    ImGui::Spacing();
    bool quit = ImGui::Button("Quit", ImVec2(em(8), 0)) || ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Escape));
    ImGui::EndGroup();
    ImGui::End();
    return quit;
}

} // namespace hearth::ui
