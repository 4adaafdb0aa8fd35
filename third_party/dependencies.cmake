# Resolution of Hearth's dependencies. Nothing here is copied source: every
# library comes from the platform (Debian/Ubuntu packages, vcpkg or Homebrew).
#
#   Dear ImGui  - pkg-config "imgui" (Debian's libimgui-dev, 1.86, backends included),
#                 else find_package(imgui) as provided by vcpkg.
#   GLFW        - find_package(glfw3)
#   OpenGL      - find_package(OpenGL)
#   SQLite3     - find_package(SQLite3)
#   nlohmann    - find_package(nlohmann_json)
#   Catch2 (v2) - find_package(Catch2), tests only
#   stb         - stb_image_write.h, pulled in by Debian's imgui (libstb-dev)
#   FreeType    - pkg-config "freetype2" (libfreetype-dev): colour emoji bitmaps, other scripts
#   HarfBuzz    - pkg-config "harfbuzz" (libharfbuzz-dev): an emoji sequence to the font's one glyph
#   libsodium   - pkg-config "libsodium" (libsodium-dev): the page cipher, key wrapping (docs/encryption.md)
#                 and passphrase-encrypted backups (docs/backup-format.md)
#   fontconfig  - pkg-config "fontconfig" (libfontconfig-dev): which installed font covers a character
#   (runtime: fonts-noto-color-emoji, the colour emoji font; without it emoji show as boxes)

find_package(PkgConfig QUIET)
find_package(Threads REQUIRED)
find_package(SQLite3 REQUIRED)
find_package(nlohmann_json 3.2 REQUIRED)

# Encryption at rest (model/cipher_vfs.cpp, model/key_file.cpp).
if(NOT PKG_CONFIG_FOUND)
  message(FATAL_ERROR "pkg-config is needed to find libsodium (Debian: libsodium-dev)")
endif()
pkg_check_modules(SODIUM REQUIRED IMPORTED_TARGET libsodium)

set(OpenGL_GL_PREFERENCE GLVND)
find_package(OpenGL REQUIRED)
find_package(glfw3 3.3 REQUIRED)

add_library(hearth_imgui INTERFACE)
if(PKG_CONFIG_FOUND)
  pkg_check_modules(IMGUI IMPORTED_TARGET imgui)
endif()
if(IMGUI_FOUND)
  target_link_libraries(hearth_imgui INTERFACE PkgConfig::IMGUI)
  # Debian's package installs the backend headers under imgui/backends.
  target_include_directories(hearth_imgui INTERFACE ${IMGUI_INCLUDEDIR}/backends)
else()
  # vcpkg: imgui[glfw-binding,opengl3-binding]
  find_package(imgui CONFIG REQUIRED)
  target_link_libraries(hearth_imgui INTERFACE imgui::imgui)
endif()

# stb_image_write for --screenshot.
find_path(STB_IMAGE_WRITE_DIR stb_image_write.h PATH_SUFFIXES stb)
if(NOT STB_IMAGE_WRITE_DIR)
  message(FATAL_ERROR "stb_image_write.h not found (Debian: libstb-dev; vcpkg: stb)")
endif()
add_library(hearth_stb INTERFACE)
target_include_directories(hearth_stb SYSTEM INTERFACE ${STB_IMAGE_WRITE_DIR})
# Debian ships stb compiled as libstb; elsewhere define STB_IMAGE_WRITE_IMPLEMENTATION
# in one source file instead.
find_library(STB_LIBRARY stb)
if(STB_LIBRARY)
  target_link_libraries(hearth_stb INTERFACE ${STB_LIBRARY})
endif()

# Glyphs on demand (ui/text/): only ui/ links these.
if(NOT PKG_CONFIG_FOUND)
  message(FATAL_ERROR "pkg-config is needed to find FreeType, HarfBuzz and fontconfig")
endif()
pkg_check_modules(FREETYPE REQUIRED IMPORTED_TARGET freetype2)
pkg_check_modules(HARFBUZZ REQUIRED IMPORTED_TARGET harfbuzz)
pkg_check_modules(FONTCONFIG REQUIRED IMPORTED_TARGET fontconfig)
# On Linux they are opened when the first glyph is drawn on demand, not linked
# (ui/text/text_libraries.h): their headers only, and dlopen.
if(CMAKE_SYSTEM_NAME STREQUAL "Linux")
  set(hearth_lazy_text_default ON)
else()
  set(hearth_lazy_text_default OFF)
endif()
option(HEARTH_TEXT_LIBRARIES_AT_FIRST_USE "Open FreeType, HarfBuzz and fontconfig with dlopen when first needed" ${hearth_lazy_text_default})
add_library(hearth_text_deps INTERFACE)
if(HEARTH_TEXT_LIBRARIES_AT_FIRST_USE)
  target_include_directories(hearth_text_deps INTERFACE ${FREETYPE_INCLUDE_DIRS} ${HARFBUZZ_INCLUDE_DIRS} ${FONTCONFIG_INCLUDE_DIRS})
  target_compile_definitions(hearth_text_deps INTERFACE HEARTH_TEXT_LIBRARIES_AT_FIRST_USE=1)
  target_link_libraries(hearth_text_deps INTERFACE ${CMAKE_DL_LIBS} Threads::Threads)
else()
  target_link_libraries(hearth_text_deps INTERFACE PkgConfig::FREETYPE PkgConfig::HARFBUZZ PkgConfig::FONTCONFIG Threads::Threads)
endif()

if(HEARTH_BUILD_TESTS)
  find_package(Catch2 REQUIRED)
endif()
