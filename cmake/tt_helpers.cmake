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
# For a board that is flashed over USB DFU (its library `tt_board` carries TT_FLASH_BASE,
# TT_FLASH_SIZE and TT_RAM_REGIONS, firmware/CMakeLists.txt) also: a DfuSe .dfu beside the
# ELF, tools/fw/memory_report.py after every link (the build fails if the image does not
# fit), the same report as the ctest firmware.<target>.fits, and a flash-<target> target.
function(tt_firmware_image target)
  target_link_options(${target} PRIVATE "-Wl,-Map=$<TARGET_FILE:${target}>.map")
  add_custom_command(TARGET ${target} POST_BUILD
    COMMAND ${CMAKE_OBJCOPY} -O binary $<TARGET_FILE:${target}> $<TARGET_FILE:${target}>.bin
    VERBATIM)
  if(NOT TARGET tt_board)
    return()
  endif()
  get_target_property(flash_base tt_board TT_FLASH_BASE)
  if(NOT flash_base)
    return()
  endif()
  get_target_property(flash_size tt_board TT_FLASH_SIZE)
  get_target_property(ram_regions tt_board TT_RAM_REGIONS)
  find_program(TT_PYTHON3 NAMES python3 PATHS /usr/bin NO_DEFAULT_PATH)
  set(tools ${PROJECT_SOURCE_DIR}/tools/fw)
  set(report ${TT_PYTHON3} ${tools}/memory_report.py $<TARGET_FILE:${target}>
             --flash-base ${flash_base} --flash-size ${flash_size})
  foreach(region IN LISTS ram_regions)
    list(APPEND report --ram-region ${region})
  endforeach()
  add_custom_command(TARGET ${target} POST_BUILD
    COMMAND ${TT_PYTHON3} ${tools}/dfuse_pack.py --name ${target}
            -o $<TARGET_FILE:${target}>.dfu ${flash_base}:$<TARGET_FILE:${target}>.bin
    COMMAND ${report}
    VERBATIM)
  add_test(NAME firmware.${target}.fits COMMAND ${report})
  set_tests_properties(firmware.${target}.fits PROPERTIES LABELS "firmware" TIMEOUT 60)
  add_custom_target(flash-${target}
    COMMAND ${tools}/flash_dfu.sh ${flash_base} $<TARGET_FILE:${target}>.bin
    DEPENDS ${target}
    COMMENT "Flashing ${target} at ${flash_base} through the ST ROM DFU (dfu-util)"
    USES_TERMINAL VERBATIM)
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
