#===- GhostcModel.cmake - compile ONNX models in a CMake project ----------===#
#
# Part of ghostc, an ahead-of-time compiler for GhostNet-family ONNX models.
#
# ghostc_add_model(<target> <model.onnx>
#                  [NAME <prefix>]          C symbol prefix (default: target)
#                  [PORTABLE]               code for any CPU of the triple
#                  [OPTIONS <ghostc options>...])
#
# Compiles <model.onnx> with ghostc at build time into <prefix>.o and
# <prefix>.h in the current binary directory, and makes <target> a static
# library holding the object, whose users see the header. When the project
# cross-compiles (CMAKE_C_COMPILER_TARGET set, or CMAKE_CROSSCOMPILING),
# ghostc gets the same triple and its portable baseline CPU. Otherwise the
# model is compiled for the building machine's CPU (--mcpu=native), the
# fast default for an application built where it runs; PORTABLE, or an
# --mcpu of your own in OPTIONS, says otherwise.
# GHOSTC_EXECUTABLE names the compiler (set by ghostcConfig.cmake).
#
#===----------------------------------------------------------------------===#

function(ghostc_add_model target model)
  cmake_parse_arguments(ARG "PORTABLE" "NAME" "OPTIONS" ${ARGN})
  if(NOT ARG_NAME)
    set(ARG_NAME ${target})
  endif()
  if(NOT GHOSTC_EXECUTABLE)
    message(FATAL_ERROR "ghostc_add_model: GHOSTC_EXECUTABLE is not set; "
                        "use find_package(ghostc)")
  endif()
  get_filename_component(model "${model}" ABSOLUTE)
  set(object "${CMAKE_CURRENT_BINARY_DIR}/${ARG_NAME}.o")
  set(header "${CMAKE_CURRENT_BINARY_DIR}/${ARG_NAME}.h")
  set(triple)
  if(CMAKE_C_COMPILER_TARGET)
    set(triple "--mtriple=${CMAKE_C_COMPILER_TARGET}")
  endif()
  set(cpu)
  string(FIND "${ARG_OPTIONS}" "--mcpu" own_cpu)
  if(NOT ARG_PORTABLE AND NOT triple AND NOT CMAKE_CROSSCOMPILING
     AND own_cpu EQUAL -1)
    set(cpu "--mcpu=native")
  endif()
  add_custom_command(
    OUTPUT "${object}" "${header}"
    COMMAND "${GHOSTC_EXECUTABLE}" "${model}" "--name=${ARG_NAME}"
            -o "${object}" ${triple} ${cpu} ${ARG_OPTIONS}
    DEPENDS "${model}" "${GHOSTC_EXECUTABLE}"
    COMMENT "ghostc: compiling ${model}"
    VERBATIM)
  set_source_files_properties("${object}" PROPERTIES
    EXTERNAL_OBJECT TRUE GENERATED TRUE)
  add_library(${target} STATIC "${object}" "${header}")
  set_target_properties(${target} PROPERTIES LINKER_LANGUAGE C)
  target_include_directories(${target} INTERFACE "${CMAKE_CURRENT_BINARY_DIR}")
  # Generated code may call libm (expf in sigmoid gates).
  target_link_libraries(${target} INTERFACE m)
endfunction()
