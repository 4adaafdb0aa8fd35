#define CATCH_CONFIG_RUNNER
#include <catch2/catch.hpp>

#include <cstdlib>
#include <ctime>

int main(int argc, char** argv) {
    // Calendar tests expect UTC as the local zone unless they set one themselves.
    setenv("TZ", "UTC", 1);
    tzset();
    return Catch::Session().run(argc, argv);
}
