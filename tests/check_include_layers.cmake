# Dependencies point one way, app -> ui -> core, and a model's folder stands on its own: run as
#   cmake -DSOURCE_DIR=<project> -P tests/check_include_layers.cmake
# it lists every include that goes the wrong way and fails if there is one.
cmake_policy(VERSION 3.25)
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

# Inside the window's library the includes point one way too, from the window down to what it shows:
#   window      the window and its parts: main_window, window_menus, stage_area, chart_panel,
#               file_actions, export_actions, export_dialog, lesson_player
#   session     what is on stage, without widgets: session, parameter_change, run_controller, playback
#   everything else (views, stages, charts, workers, exports, painting), which knows neither.
set(window_layer main_window window_menus stage_area chart_panel file_actions export_actions export_dialog
                 lesson_player)
set(session_layer session parameter_change run_controller playback)
function(layer_of file result)
    get_filename_component(stem "${file}" NAME_WE)
    get_filename_component(folder "${file}" DIRECTORY)
    if(stem IN_LIST window_layer AND folder MATCHES "ui$")
        set(${result} 2 PARENT_SCOPE)
    elseif(stem IN_LIST session_layer AND folder MATCHES "ui$")
        set(${result} 1 PARENT_SCOPE)
    else()
        set(${result} 0 PARENT_SCOPE)
    endif()
endfunction()
file(GLOB_RECURSE ui_sources "${SOURCE_DIR}/ui/*.h" "${SOURCE_DIR}/ui/*.cpp")
foreach(source IN LISTS ui_sources)
    layer_of("${source}" own)
    file(STRINGS "${source}" includes REGEX "^[ \t]*#[ \t]*include[ \t]*\"ui/")
    foreach(line IN LISTS includes)
        string(REGEX REPLACE ".*\"(ui/[^\"]+)\".*" "\\1" included "${line}")
        layer_of("${SOURCE_DIR}/${included}" target)
        if(target GREATER own)
            file(RELATIVE_PATH shown "${SOURCE_DIR}" "${source}")
            list(APPEND problems "${shown}: ${line} (it points up, from what is shown to what shows it)")
        endif()
    endforeach()
endforeach()

if(problems)
    list(JOIN problems "\n" report)
    message(FATAL_ERROR "includes that go the wrong way:\n${report}")
endif()
