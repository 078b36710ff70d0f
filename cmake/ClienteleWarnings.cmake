# Warnings every Clientele target compiles with; errors too when CLIENTELE_WERROR is on.
function(clientele_set_warnings target)
    target_compile_options(${target} PRIVATE -Wall -Wextra -Wpedantic)
    if(CLIENTELE_WERROR)
        target_compile_options(${target} PRIVATE -Werror)
    endif()
endfunction()

# Keeps Qt's string and keyword use explicit in ui and app code.
function(clientele_qt_defaults target)
    target_compile_definitions(${target} PRIVATE QT_NO_CAST_FROM_ASCII QT_NO_KEYWORDS
                                                 QT_NO_CAST_TO_ASCII QT_NO_URL_CAST_FROM_STRING)
endfunction()
