# Dependencies point one way, app -> ui -> core, and a model's folder stands on its own: run as
#   cmake -DSOURCE_DIR=<project> -P tests/check_include_layers.cmake
# it lists every include that goes the wrong way and fails if there is one.
set(problems "")

function(check_folder folder forbidden_regex why)
    file(GLOB_RECURSE sources "${SOURCE_DIR}/${folder}/*.h" "${SOURCE_DIR}/${folder}/*.cpp")
    foreach(source IN LISTS sources)
        file(STRINGS "${source}" includes REGEX "^[ \t]*#[ \t]*include")
        foreach(line IN LISTS includes)
            if(line MATCHES "${forbidden_regex}")
                file(RELATIVE_PATH shown "${SOURCE_DIR}" "${source}")
                list(APPEND problems "${shown}: ${line} (${why})")
            endif()
        endforeach()
    endforeach()
    set(problems "${problems}" PARENT_SCOPE)
endfunction()

check_folder(core "[<\"](Q[A-Za-z]+|Qt[A-Za-z]*/)" "the core knows nothing of Qt")
check_folder(core "\"(ui|app)/" "the core depends on nothing above it")
check_folder(ui "\"app/" "the window's library does not depend on the programs")

# A model includes the core and its own folder, never another model's (models.h lists them all).
file(GLOB_RECURSE model_sources "${SOURCE_DIR}/core/models/*/*.h" "${SOURCE_DIR}/core/models/*/*.cpp")
foreach(source IN LISTS model_sources)
    file(RELATIVE_PATH shown "${SOURCE_DIR}" "${source}")
    string(REGEX REPLACE "^core/models/([^/]+)/.*" "\\1" model "${shown}")
    file(STRINGS "${source}" includes REGEX "^[ \t]*#[ \t]*include[ \t]*\"core/models/[^/]+/")
    foreach(line IN LISTS includes)
        string(REGEX REPLACE ".*\"core/models/([^/]+)/.*" "\\1" included "${line}")
        if(NOT included STREQUAL model)
            list(APPEND problems "${shown}: ${line} (a model includes no other model)")
        endif()
    endforeach()
endforeach()

if(problems)
    list(JOIN problems "\n" report)
    message(FATAL_ERROR "includes that go the wrong way:\n${report}")
endif()
