#include "export_box.h"

#include "theme.h"
#include "units.h"
#include "user_paths.h"
#include "widgets.h"

#include <filesystem>

namespace hearth::ui {

void ExportBox::offer(const std::string& default_path) {
    if (default_path == offered_) return;
    offered_ = default_path;
    path_.load(default_path);
    confirm_.clear();
    ok_.clear();
    error_.clear();
}

void ExportBox::draw(const char* button, const std::function<void(const std::string&)>& write) {
    ImGui::PushID(this);
    ImGui::SetNextItemWidth(std::min(em(26), std::max(em(10), ImGui::GetContentRegionAvail().x - em(10))));
    bool changed = false;
    bool enter = path_.single_line("##path", "File to write, e.g. ~/hearth.txt", &changed);
    if (changed) confirm_.clear();
    same_line_or_wrap(em(8));
    auto run = [&](const std::string path) {  // a copy: it clears confirm_, which may be the path passed
        confirm_.clear();
        try {
            write(path);
            ok_ = "Wrote " + as_typed(path);
        } catch (const std::exception& e) {
            error_ = e.what();
        }
    };
    if (ImGui::Button(button) || enter) {
        std::string path = expand_home(path_.value());
        ok_.clear();
        error_.clear();
        std::error_code ec;
        if (path.empty()) error_ = "Type the name of the file to write.";
        else if (std::filesystem::is_regular_file(path, ec)) confirm_ = path;
        else run(path);
    }
    if (!confirm_.empty()) {
        ImGui::TextWrapped("%s already exists.", as_typed(confirm_).c_str());
        if (ImGui::Button("Replace it")) run(confirm_);
        ImGui::SameLine();
        if (ImGui::Button("Keep it")) confirm_.clear();
    }
    if (!ok_.empty()) {
        ImGui::PushStyleColor(ImGuiCol_Text, success_text());
        ImGui::TextWrapped("%s", ok_.c_str());
        ImGui::PopStyleColor();
    }
    inline_error(error_);
    ImGui::PopID();
}

} // namespace hearth::ui
