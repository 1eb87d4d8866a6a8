# vendor_uplot.cmake: copy uPlot from web/node_modules (installed by make deps)
# into the dashboard, or warn when it is absent.  -DSRC=dist dir -DDST=web/uplot
if(EXISTS "${SRC}/uPlot.iife.min.js")
  file(COPY "${SRC}/uPlot.iife.min.js" "${SRC}/uPlot.min.css" DESTINATION "${DST}")
else()
  message(WARNING "uPlot not installed (make deps runs npm ci in web/); the dashboard chart will be missing")
endif()
