#pragma once
// A file-name box with a write button, shared by every "export" in the UI: "~/"
// means the home folder, an existing file is only replaced after asking, and
// the outcome (the path written, or why not) shows right below.
#include "guarded_text.h"

#include <functional>
#include <string>

namespace hearth::ui {

class ExportBox {
public:
    // The name offered until the couple types another; a new default (another
    // week) replaces what was there.
    void offer(const std::string& default_path);
    // Draws the box; calls write(path) when the couple asks (after confirming a
    // replace). write throws std::exception with a message naming the problem.
    void draw(const char* button, const std::function<void(const std::string& path)>& write);
    const std::string& written() const { return ok_; }
    bool asking_to_replace() const { return !confirm_.empty(); }

private:
    GuardedText path_;
    std::string offered_;
    std::string confirm_;  // the existing file waiting for "replace it?"
    std::string ok_, error_;
};

} // namespace hearth::ui
