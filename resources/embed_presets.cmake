# Writes OUTPUT, a C++ file holding the text of every JSON file in INPUTS as a raw string literal, returned
# by the function KIND (presets: presetFiles(); lessons: lessonFiles()).
set(body "")
foreach(input IN LISTS INPUTS)
    get_filename_component(name "${input}" NAME_WE)
    file(READ "${input}" text)
    string(APPEND body "    {\"${name}\", R\"collapselab(${text})collapselab\"},\n")
endforeach()
string(REGEX REPLACE "s$" "" singular "${KIND}")
file(WRITE "${OUTPUT}.new" "// Generated from resources/${KIND} by embed_presets.cmake.
#include \"resources/embedded_presets.h\"

namespace collapse::resources {

namespace {
const EmbeddedFile kFiles[] = {
${body}};
} // namespace

std::span<const EmbeddedFile> ${singular}Files()
{
    return kFiles;
}

} // namespace collapse::resources
")
file(COPY_FILE "${OUTPUT}.new" "${OUTPUT}" ONLY_IF_DIFFERENT)
file(REMOVE "${OUTPUT}.new")
