# Small helpers shared by every module's CMakeLists.

# Warnings for our own code; sanitizers on the host when TT_SANITIZE is set.
function(tt_target_defaults target)
  target_compile_options(${target} PRIVATE -Wall -Wextra -Wshadow -Wno-unused-parameter)
  if(TT_SANITIZE AND NOT TT_FIRMWARE)
    target_compile_options(${target} PRIVATE -fsanitize=address,undefined -fno-sanitize-recover=all
                                             -fno-omit-frame-pointer)
    target_link_options(${target} PRIVATE -fsanitize=address,undefined)
  endif()
endfunction()

# A firmware image: ELF with a map file, a .bin beside it, and its memory use printed.
function(tt_firmware_image target)
  target_link_options(${target} PRIVATE "-Wl,-Map=$<TARGET_FILE:${target}>.map")
  add_custom_command(TARGET ${target} POST_BUILD
    COMMAND ${CMAKE_OBJCOPY} -O binary $<TARGET_FILE:${target}> $<TARGET_FILE:${target}>.bin
    VERBATIM)
endfunction()

# gtest_discover_tests with several labels. CMake 3.25 loses the list separator of a
# PROPERTIES value passed through gtest_discover_tests (LABELS "a;b" becomes "a"), so the
# labels are applied by a script CTest includes after the discovered tests.
function(tt_discover_tests target prefix)
  include(GoogleTest)
  gtest_discover_tests(${target} TEST_PREFIX "${prefix}" TEST_LIST ${target}_tests
                       DISCOVERY_TIMEOUT 60)
  set(script ${CMAKE_CURRENT_BINARY_DIR}/${target}_labels.cmake)
  file(WRITE ${script}
       "if(${target}_tests)\n"
       "  set_tests_properties(\${${target}_tests} PROPERTIES LABELS \"${ARGN}\")\n"
       "endif()\n")
  set_property(DIRECTORY APPEND PROPERTY TEST_INCLUDE_FILES ${script})
endfunction()
