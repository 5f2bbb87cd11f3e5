/* Progressive enhancement: a Leaflet map of the directory entries that have coordinates.
 * The list above stays the way to use the page; the map section is shown only when
 * Leaflet loaded and there are points. Tiles come from data-tile-url (DIRECTORY_TILE_URL).
 * Leaflet's stylesheet (data-stylesheet) is fetched here, so it never blocks the page's first render. */
(function () {
  "use strict";

  function init() {
    var container = document.getElementById("directory-map");
    var dataElement = document.getElementById("directory-map-points");
    if (!container || !dataElement || typeof window.L === "undefined") {
      return;
    }
    var points = JSON.parse(dataElement.textContent);
    if (!points.length) {
      return;
    }
    var stylesheet = document.createElement("link");
    stylesheet.rel = "stylesheet";
    stylesheet.href = container.dataset.stylesheet;
    stylesheet.onload = function () {
      draw(container, points);
    };
    document.head.appendChild(stylesheet);
  }

  function draw(container, points) {
    var section = container.closest("section");
    if (section) {
      section.hidden = false;
    }
    var map = window.L.map(container, { scrollWheelZoom: false });
    window.L.tileLayer(container.dataset.tileUrl, {
      maxZoom: 18,
      attribution: container.dataset.tileAttribution,
    }).addTo(map);

    var bounds = [];
    points.forEach(function (point) {
      var marker = window.L.circleMarker([point.lat, point.lng], {
        radius: 9,
        color: "#003366",
        weight: 2,
        fillColor: "#0066cc",
        fillOpacity: 0.85,
      }).addTo(map);
      var link = document.createElement("a");
      link.href = point.url;
      link.textContent = point.name;
      var popup = document.createElement("div");
      popup.appendChild(link);
      if (point.place) {
        var place = document.createElement("div");
        place.textContent = point.place;
        popup.appendChild(place);
      }
      marker.bindPopup(popup);
      marker.bindTooltip(point.name);
      bounds.push([point.lat, point.lng]);
    });
    if (bounds.length === 1) {
      map.setView(bounds[0], 14);
    } else {
      map.fitBounds(bounds, { padding: [30, 30], maxZoom: 14 });
    }
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", init);
  } else {
    init();
  }
})();
