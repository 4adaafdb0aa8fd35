#pragma once
// A screenshot of a headless frame: ImGui's draw data rasterised in software
// (textured, coloured triangles, clip rectangles, alpha blending) and written
// as a PNG. For states a --screenshot run cannot reach (a form opened by a
// click, the recovery code after turning encryption on); the layout is the
// app's own, with the same font; GPU filtering aside, it looks as the window does.
#include <string>

namespace hearth::test {

// The frame last rendered (after ImGui::Render) to `file`; false when it cannot be written.
bool write_frame_png(const std::string& file);

} // namespace hearth::test
