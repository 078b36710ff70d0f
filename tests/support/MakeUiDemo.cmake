# The demo workspace the UI tests share, built once per test run (the ctest fixture
# ui_demo): 3,000 shoppers, seed 5, history up to 25 November 2026. Run as
#   cmake -DCLIENTELE=path/to/clientele -DOUT=path/to/ui-demo.clientele -P MakeUiDemo.cmake
file(REMOVE "${OUT}" "${OUT}-wal" "${OUT}-shm" "${OUT}.partial")
execute_process(
    COMMAND "${CLIENTELE}" demo --out "${OUT}" --shoppers 3000 --seed 5 --end 2026-11-25
    RESULT_VARIABLE result
    OUTPUT_QUIET)
if(NOT result EQUAL 0)
    message(FATAL_ERROR "clientele demo failed: ${result}")
endif()
