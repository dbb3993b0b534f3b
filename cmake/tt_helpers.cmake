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
